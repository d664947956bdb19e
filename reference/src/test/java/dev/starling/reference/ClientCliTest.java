package dev.starling.reference;

import dev.starling.io.server.StarlingServer;
import dev.starling.io.store.JdbcAccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IM subcommands of {@code starling client} against the reference server on its H2 data
 * directory, as a shell script would use them: add a contact, ask to subscribe, leave a message
 * while the contact is offline, receive it (with its delay) together with the request, approve,
 * list the roster, block and unblock (XEP-0191), set and read vCards (XEP-0054), and go online
 * with a show and status.
 */
class ClientCliTest {

    @TempDir
    Path data;
    private JdbcAccountStore accounts;
    private StarlingServer server;

    @BeforeEach
    void start() {
        accounts = JdbcAccountStore.h2(data);
        accounts.create("juliet", PasswordHashing.derive("pj")).block();
        accounts.create("romeo", PasswordHashing.derive("pr")).block();
        server = ReferenceServer.create("127.0.0.1", 0, Option.none(), Jid.of("localhost"), data, accounts, UnaryOperator.identity())
                .start().block(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        accounts.close();
    }

    @Test
    void aContactIsAddedAskedWrittenToAndApproved() {
        assertThat(run("romeo", "pr", "roster", "add", "juliet@localhost", "--name", "Juliet", "--group", "Capulets"))
                .contains("added juliet@localhost");
        assertThat(run("romeo", "pr", "subscribe", "juliet@localhost")).contains("asked juliet@localhost");
        assertThat(run("romeo", "pr", "send", "juliet@localhost", "hello while you sleep")).contains("sent to juliet@localhost");

        String received = run("juliet", "pj", "receive", "--count", "1", "--timeout", "10");
        assertThat(received).contains("presence romeo@localhost subscribe");
        assertThat(received).containsPattern("romeo@localhost/\\S+: hello while you sleep \\(sent \\d{4}-");

        assertThat(run("juliet", "pj", "approve", "romeo@localhost")).contains("approved romeo@localhost");
        assertThat(run("romeo", "pr", "roster")).contains("juliet@localhost to \"Juliet\" [Capulets]");
        assertThat(run("juliet", "pj", "roster", "list")).contains("romeo@localhost from");
        assertThat(run("juliet", "pj", "block", "iago@localhost", "tybalt@localhost")).contains("blocked iago@localhost tybalt@localhost");
        assertThat(run("juliet", "pj", "block")).contains("iago@localhost").contains("tybalt@localhost");
        assertThat(run("juliet", "pj", "unblock", "iago@localhost")).contains("unblocked iago@localhost");
        assertThat(run("juliet", "pj", "block")).doesNotContain("iago@localhost").contains("tybalt@localhost");
        assertThat(run("juliet", "pj", "unblock")).contains("unblocked everyone");
        assertThat(run("juliet", "pj", "vcard", "--fn", "Juliet Capulet", "--nickname", "juliet")).contains("<FN>Juliet Capulet</FN>");
        assertThat(run("romeo", "pr", "vcard", "juliet@localhost")).contains("<NICKNAME>juliet</NICKNAME>");
        assertThat(run("juliet", "pj", "presence", "away", "on the balcony", "--seconds", "1"))
                .containsPattern("presence juliet@localhost/\\S+ available away \"on the balcony\"");
    }

    /**
     * {@code send-file} to a {@code receive-files --accept-all} running at the same time, over each
     * method: the file arrives whole under its name, both sides name the method and a rate.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ibb,http://jabber.org/protocol/ibb", "socks5,http://jabber.org/protocol/bytestreams",
            "jingle,urn:xmpp:jingle:transports:s5b:1"})
    void aFileIsSentAndReceivedOverEachMethod(String method, String namespace) throws Exception {
        byte[] content = new byte[300_000];
        new java.util.Random(method.hashCode()).nextBytes(content);
        Path file = java.nio.file.Files.write(data.resolve("letter.bin"), content);
        Path inbox = data.resolve("inbox-" + method);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        synchronized (System.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                java.util.concurrent.CompletableFuture<Integer> receiver = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                        new CommandLine(new Starling()).execute(args("juliet/files", "pj", "receive-files", "--dir", inbox.toString(),
                                "--accept-all", "--count", "1")));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!captured.toString(StandardCharsets.UTF_8).contains("waiting for files as juliet@localhost/files")) {
                    assertThat(System.nanoTime()).as("the receiver is ready").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(new CommandLine(new Starling()).execute(args("romeo", "pr", "send-file", "juliet@localhost/files", file.toString(),
                        "--method", method, "--direct-host", "127.0.0.1"))).as(captured.toString(StandardCharsets.UTF_8)).isZero();
                assertThat(receiver.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            } finally {
                System.setOut(original);
            }
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).containsPattern("sent letter\\.bin \\(300000 bytes\\) to juliet@localhost/files over "
                + java.util.regex.Pattern.quote(namespace) + " at [0-9.]+ [KM]iB/s");
        assertThat(output).containsPattern("received \\S*letter\\.bin \\(300000 bytes, (MD5 [0-9a-f]{32}|SHA-256 [0-9a-f]{64}) verified, over " + java.util.regex.Pattern.quote(namespace)
                + " at [0-9.]+ [KM]iB/s\\)");
        assertThat(java.nio.file.Files.readAllBytes(inbox.resolve("letter.bin"))).isEqualTo(content);
    }

    private String[] args(String user, String password, String... command) {
        String[] args = new String[7 + command.length];
        System.arraycopy(new String[]{"client", "--jid", user.contains("/") ? user.replace("/", "@localhost/") : user + "@localhost",
                "--password", password, "--server=127.0.0.1:" + server.address().getPort(), "--trust=data:" + data}, 0, args, 0, 7);
        System.arraycopy(command, 0, args, 7, command.length);
        return args;
    }

    private String run(String user, String password, String... command) {
        String[] args = new String[6 + command.length];
        System.arraycopy(new String[]{"client", "--jid", user + "@localhost", "--password", password,
                "--server=127.0.0.1:" + server.address().getPort()}, 0, args, 0, 6);
        System.arraycopy(command, 0, args, 6, command.length);
        String[] withTrust = new String[args.length + 1];
        System.arraycopy(args, 0, withTrust, 0, 6);
        withTrust[6] = "--trust=data:" + data;
        System.arraycopy(args, 6, withTrust, 7, command.length);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                int status = new CommandLine(new Starling()).execute(withTrust);
                assertThat(status).as(String.join(" ", command) + "\n" + captured).isZero();
            } finally {
                System.setOut(original);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
