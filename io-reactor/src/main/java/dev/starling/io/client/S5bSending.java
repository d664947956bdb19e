package dev.starling.io.client;

import dev.starling.io.bytestreams.Socks5Connector;
import dev.starling.machine.bytestreams.S5bRequester;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The shell around one {@link S5bRequester}: it sends the offer, connects to the proxy the target
 * chose (or takes the target's connection to this client's own streamhost), asks the proxy to
 * activate, and then writes the file with Netty's zero-copy file transfer, 4 MiB at a time
 * for progress with four such writes queued. The Flux completes when the target, having read every byte, closes the stream.
 * A negotiation that fails before any byte was written fails with {@link Unavailable}, so the
 * caller can fall back to in-band bytestreams.
 */
final class S5bSending {

    private static final long CHUNK = 4L << 20;
    /** Chunks queued on the socket at once, so the kernel never waits for the next write. */
    private static final int IN_FLIGHT = 4;

    /** The SOCKS5 negotiation did not produce a bytestream; nothing was sent. */
    static final class Unavailable extends FileTransferException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final XmppClient client;
    private final S5bRequester.Config config;
    private final Option<DirectStreamhost> directHost;
    private final Option<DirectStreamhost.Expected> direct;
    private final Path file;
    private final long position;
    private final long total;
    private final Duration timeout;
    private final Sinks.One<Connection> ready = Sinks.one();
    private S5bRequester.State state = S5bRequester.initial();
    private Connection proxyConnection;

    S5bSending(XmppClient client, Jid to, String sid, Seq<Streamhost> hosts, Option<DirectStreamhost> directHost,
               Path file, long position, long total, Duration timeout) {
        this.client = client;
        this.config = new S5bRequester.Config(client.jid(), to, sid, hosts);
        this.directHost = directHost;
        this.direct = directHost.map(host -> host.expect(config.dstAddr()));
        this.file = file;
        this.position = position;
        this.total = total;
        this.timeout = timeout;
    }

    Flux<ClientFileTransfer.Progress> run() {
        direct.forEach(expected -> expected.connection().asMono()
                .subscribe(connection -> feed(new S5bRequester.Input.TargetConnected(0))));
        feed(new S5bRequester.Input.Start());
        return ready.asMono().timeout(ClientFileTransfer.IDLE, Mono.error(new Unavailable("the SOCKS5 negotiation took too long")))
                .flatMapMany(this::write)
                .doFinally(signal -> release());
    }

    private synchronized void feed(S5bRequester.Input input) {
        Step<S5bRequester.State, S5bRequester.Output> step = S5bRequester.step(config, state, input,
                Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
        state = step.state();
        for (S5bRequester.Output output : step.outputs()) {
            if (output instanceof S5bRequester.Output.Send send) {
                client.exchange(send.iq(), ClientFileTransfer.IDLE).subscribe(answer -> feed(new S5bRequester.Input.Answer(answer)),
                        error -> ready.tryEmitError(new Unavailable("no answer to " + send.iq().iqId() + ": " + error.getMessage())));
            } else if (output instanceof S5bRequester.Output.ConnectProxy connect) {
                Socks5Connector.connect(connect.host().host(), connect.host().port(), connect.dstAddr(), timeout).subscribe(connection -> {
                    proxyConnection = connection;
                    feed(new S5bRequester.Input.ProxyConnected());
                }, error -> feed(new S5bRequester.Input.ProxyFailed()));
            } else if (output instanceof S5bRequester.Output.Ready chosen) {
                Mono<Connection> connection = chosen.host().jid().equals(config.requester())
                        ? direct.get().connection().asMono() : Mono.just(proxyConnection);
                connection.subscribe(ready::tryEmitValue);
            } else if (output instanceof S5bRequester.Output.Failed failed) {
                ready.tryEmitError(new Unavailable("SOCKS5 bytestream failed: " + failed.reason()));
            }
        }
    }

    /**
     * Writes the range, shuts the stream's output down (the end of the file, as receivers that
     * read to the end, such as Smack's, expect), then waits for the target to close its side,
     * which it does once it has read everything.
     */
    private Flux<ClientFileTransfer.Progress> write(Connection connection) {
        long chunks = (total + CHUNK - 1) / CHUNK;
        Mono<Void> endOfFile = Mono.create(sink -> ((io.netty.channel.socket.SocketChannel) connection.channel()).shutdownOutput()
                .addListener(done -> sink.success()));
        return Flux.range(0, (int) chunks).flatMapSequential(i -> {
                    long offset = i * CHUNK;
                    long length = Math.min(CHUNK, total - offset);
                    return connection.outbound().sendFile(file, position + offset, length).then()
                            .thenReturn(new ClientFileTransfer.Progress(offset + length, total, BytestreamQuery.NAMESPACE));
                }, IN_FLIGHT)
                .concatWith(endOfFile.then(connection.inbound().receive().then()).timeout(ClientFileTransfer.IDLE)
                        .then(Mono.just(new ClientFileTransfer.Progress(total, total, BytestreamQuery.NAMESPACE))))
                .onErrorMap(error -> !(error instanceof FileTransferException), error -> new FileTransferException("the SOCKS5 bytestream broke", error));
    }

    private void release() {
        directHost.forEach(host -> host.forget(config.dstAddr()));
        direct.forEach(expected -> expected.done().tryEmitEmpty());
        if (proxyConnection != null) {
            proxyConnection.dispose();
        }
    }
}
