package dev.starling.io.client;

import dev.starling.machine.oob.OobExchange;
import dev.starling.model.jid.Jid;
import dev.starling.model.oob.OutOfBand;
import dev.starling.model.si.FileNames;
import dev.starling.model.stanza.Iq;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A URL a peer offers out of band (XEP-0066 §2): {@link #fetch} downloads it into a directory
 * with the JDK's HTTP client and answers the sender (fetched, or {@code item-not-found} when the
 * download fails); {@link #reject} declines with {@code not-acceptable}. The download goes to a
 * hidden part file first and takes a safe name from the URL's last path segment.
 */
public final class IncomingUrl {

    private final XmppClient client;
    private final Iq request;
    private final OutOfBand.Query query;

    IncomingUrl(XmppClient client, Iq request, OutOfBand.Query query) {
        this.client = client;
        this.request = request;
        this.query = query;
    }

    /** Who offers it. */
    public Jid from() {
        return request.from().get();
    }

    /** The URL. */
    public String url() {
        return query.url();
    }

    /** The sender's description. */
    public Option<String> desc() {
        return query.desc();
    }

    /** Declines (Example 4). */
    public Mono<Void> reject() {
        return client.send(OobExchange.reject(request));
    }

    /** Downloads into {@code directory}, tells the sender, and completes with the file; a failed download fails the Mono. */
    public Mono<Path> fetch(Path directory) {
        String name = FileNames.safe(lastSegment(query.url())).getOrElse("download");
        Path dir = directory.toAbsolutePath().normalize();
        // the part file's name is ours: the request's id is the peer's text and may hold path separators
        Path part = dir.resolve("." + name + "." + client.token(12) + ".part");
        return Mono.fromCallable(() -> download(part, dir, name)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> client.send(OobExchange.fetched(request)).thenReturn(file))
                .onErrorResume(error -> Mono.fromCallable(() -> Files.deleteIfExists(part)).subscribeOn(Schedulers.boundedElastic())
                        .then(client.send(OobExchange.notFound(request)))
                        .then(Mono.error(new FileTransferException("cannot fetch " + query.url() + ": " + error.getMessage(), error))));
    }

    private Path download(Path part, Path dir, String name) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(query.url())).timeout(ClientFileTransfer.IDLE).GET().build(),
                HttpResponse.BodyHandlers.ofFile(part));
        if (response.statusCode() / 100 != 2) {
            Files.deleteIfExists(part);
            throw new IOException("HTTP " + response.statusCode());
        }
        Path target = dir.resolve(name);
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(name + "." + n);
        }
        return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        return path == null || path.isEmpty() ? "download" : path.substring(path.lastIndexOf('/') + 1);
    }
}
