package dev.starling.conformance.wire;

import com.sun.net.httpserver.HttpServer;
import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.FileTransferException;
import dev.starling.io.client.IncomingUrl;
import dev.starling.io.client.XmppClient;
import dev.starling.machine.oob.OobExchange;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0066 out-of-band offers between two Starling clients through the Starling server, with a
 * loopback HTTP server holding the file: fetched (the sender learns it), a URL that answers 404
 * ({@code item-not-found}), a declined offer ({@code not-acceptable}), an offer whose id holds
 * path separators (the file still lands in the chosen directory).
 */
class OobWireTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jid JULIET = Jid.of("juliet@localhost/wire");

    private final WireFixture fixture = new WireFixture();
    private final byte[] content = new byte[123_456];
    private HttpServer http;
    private XmppClient romeo;
    private XmppClient juliet;

    @TempDir
    Path inbox;

    @BeforeEach
    void start() throws Exception {
        new Random(66).nextBytes(content);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/files/license.jpg", exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            exchange.close();
        });
        http.start();
        romeo = fixture.connect(ClientFileTransfer.enable(fixture.config("romeo")), false);
        juliet = fixture.connect(ClientFileTransfer.enable(fixture.config("juliet")), false);
    }

    @AfterEach
    void stop() {
        romeo.close().block(WAIT);
        juliet.close().block(WAIT);
        fixture.close();
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    @Test
    void theRecipientFetchesTheUrlAndTheSenderLearnsIt() throws Exception {
        CompletableFuture<Path> fetched = new CompletableFuture<>();
        CompletableFuture<IncomingUrl> offered = new CompletableFuture<>();
        var fetcher = juliet.files().urlOffers().take(1).doOnNext(offered::complete).flatMap(offer -> offer.fetch(inbox))
                .subscribe(fetched::complete, fetched::completeExceptionally);

        OobExchange.Outcome outcome = romeo.files().sendUrl(JULIET, url("/files/license.jpg"), Option.some("A license to Jabber!")).block(WAIT);

        assertThat(outcome).isEqualTo(OobExchange.Outcome.FETCHED);
        Path file = fetched.get(30, TimeUnit.SECONDS);
        fetcher.dispose();
        assertThat(file).isEqualTo(inbox.resolve("license.jpg"));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(offered.get().desc()).contains("A license to Jabber!");
        assertThat(offered.get().from()).isEqualTo(Jid.of("romeo@localhost/wire"));
    }

    @Test
    void aMissingUrlIsItemNotFoundAndLeavesNothing() throws Exception {
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        var fetcher = juliet.files().urlOffers().take(1).flatMap(offer -> offer.fetch(inbox)).subscribe(null, failed::complete);

        assertThat(romeo.files().sendUrl(JULIET, url("/files/missing.jpg"), Option.none()).block(WAIT)).isEqualTo(OobExchange.Outcome.NOT_FOUND);
        assertThat(failed.get(30, TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class).hasMessageContaining("404");
        fetcher.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anOfferWhoseIdClimbsOutOfTheDirectoryIsFetchedInsideIt() throws Exception {
        Path target = Files.createDirectory(inbox.resolve("target"));
        CompletableFuture<Path> fetched = new CompletableFuture<>();
        var fetcher = juliet.files().urlOffers().take(1).flatMap(offer -> offer.fetch(target)).subscribe(fetched::complete, fetched::completeExceptionally);

        // the id is the peer's text: a part file named after it is a path through other directories, up and out
        romeo.send(OobExchange.offer("x/../../../escaped", JULIET, url("/files/license.jpg"), Option.none())).block(WAIT);

        Path file = fetched.get(30, TimeUnit.SECONDS);
        fetcher.dispose();
        assertThat(file).isEqualTo(target.resolve("license.jpg"));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (var parent = Files.list(inbox); var outside = Files.list(inbox.getParent())) {
            assertThat(parent).containsExactly(target);
            assertThat(outside).noneMatch(path -> path.getFileName().toString().contains("escaped"));
        }
    }

    @Test
    void aDeclinedUrlIsNotAcceptable() {
        var decliner = juliet.files().urlOffers().take(1).flatMap(IncomingUrl::reject).subscribe();
        assertThat(romeo.files().sendUrl(JULIET, url("/files/license.jpg"), Option.none()).block(WAIT)).isEqualTo(OobExchange.Outcome.REJECTED);
        decliner.dispose();
    }
}
