package dev.starling.reference;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.store.JdbcAccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.io.tls.TlsSetups;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.delay.Delay;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost (issue 4): the reference server runs in a child process, once on
 * the H2 database of its data directory and once on PostgreSQL ({@code --database}, the URL in
 * {@code STARLING_POSTGRES}, which {@code ./starling test} starts and sets); Romeo adds Juliet to his roster (acknowledged by the roster result) and writes
 * to her while she is offline (acknowledged once her account has answered a later request of his,
 * since her entity stores the message before it takes the next input); the server is killed with
 * SIGKILL ({@code Process.destroyForcibly}); a new server on the same data delivers the message to
 * Juliet, with its delay, and still has Romeo's roster item. Without PostgreSQL its run skips,
 * unless {@code STARLING_INTEROP=required}, where it fails.
 */
class KillNineTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Jid JULIET = Jid.of("juliet@localhost");

    @TempDir
    Path data;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgres"})
    void anOfflineMessageAndARosterChangeSurviveSigkill(String database) throws Exception {
        List<String> store = database.equals("h2") ? List.of() : List.of("--database", postgres());
        try (JdbcAccountStore accounts = store.isEmpty() ? JdbcAccountStore.h2(data) : JdbcAccountStore.postgres(store.get(1), null, null)) {
            for (String name : List.of("juliet", "romeo")) {
                accounts.delete(name).block(); // a shared PostgreSQL may keep them from an earlier run
            }
            accounts.create("juliet", PasswordHashing.derive("pj")).block();
            accounts.create("romeo", PasswordHashing.derive("pr")).block();
        }
        int port = freePort();
        Process first = server(port, store);
        try {
            XmppClient romeo = connect("romeo", "pr", port);
            romeo.roster().put(JULIET, Option.some("Juliet"), Array.of("Capulets")).block(WAIT); // acknowledged: stored
            romeo.send(Message.chat(JULIET, "survive this")).block(WAIT);
            romeo.request(IqType.GET, Option.some(JULIET), Element.of("vcard-temp", "vCard")).block(WAIT); // her entity is past the message
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no orderly close
        }

        Process second = server(port, store);
        try {
            XmppClient juliet = connect("juliet", "pj", port);
            BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
            juliet.stanzas().ofType(Message.class).subscribe(messages::add);
            juliet.available().block(WAIT);
            Message kept = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(kept).as("the offline message survived SIGKILL").isNotNull();
            assertThat(kept.body()).contains("survive this");
            assertThat(kept.firstChild(Delay.class)).isNotEmpty();

            XmppClient romeo = connect("romeo", "pr", port);
            RosterItem item = romeo.roster().load().block(WAIT).find(i -> i.jid().equals(JULIET)).get();
            assertThat(item.name()).contains("Juliet");
            assertThat(item.groups()).containsExactly("Capulets");
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The reference server in its own JVM, ready once it logs where it listens. */
    private Process server(int port, List<String> store) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Starling.class.getName(),
                "server", "--port", Integer.toString(port), "--tls-port", "-1", "--data", data.toString()));
        command.addAll(store);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (String line = output.readLine(); line != null && System.nanoTime() < deadline; line = output.readLine()) {
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "server-output");
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start");
    }

    private XmppClient connect(String user, String password, int port) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/kill"), password).withKeepalive(Option.none());
        var context = TrustOption.parse("data:" + data, Jid.of("localhost")).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, new InetSocketAddress("127.0.0.1", port)),
                Option.some(TlsSetups.client(context, "localhost"))).block(WAIT);
    }

    private static String postgres() {
        String url = System.getenv("STARLING_POSTGRES");
        if (url == null && "required".equals(System.getenv("STARLING_INTEROP"))) {
            throw new AssertionError("PostgreSQL is required (STARLING_INTEROP=required) but STARLING_POSTGRES is not set");
        }
        Assumptions.assumeTrue(url != null, "no PostgreSQL: run interop/peers.sh start and set STARLING_POSTGRES "
                + "(see README), or use ./starling test");
        return url;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
