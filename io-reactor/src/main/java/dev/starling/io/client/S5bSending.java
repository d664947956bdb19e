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
                .flatMapMany(connection -> Socks5Writing.write(connection, file, position, total, BytestreamQuery.NAMESPACE))
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

    private void release() {
        directHost.forEach(host -> host.forget(config.dstAddr()));
        direct.forEach(expected -> expected.done().tryEmitEmpty());
        if (proxyConnection != null) {
            proxyConnection.dispose();
        }
    }
}
