package dev.starling.io.client;

import dev.starling.io.bytestreams.Socks5Connector;
import dev.starling.machine.bytestreams.StreamhostSelection;
import dev.starling.machine.core.Step;
import dev.starling.model.stanza.Iq;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shell around one {@link StreamhostSelection}: it connects to the offered streamhosts one
 * at a time (each attempt bounded by the per-host timeout, which stands for the machine's timer),
 * sends the machine's answer, and hands over the connection the machine chose. A connection the
 * machine abandons is closed.
 */
final class S5bReceiving {

    private final XmppClient client;
    private final Duration perHostTimeout;
    private final Sinks.One<Connection> ready = Sinks.one();
    private final Map<Integer, Connection> connections = new HashMap<>();
    private final Map<Integer, Disposable> attempts = new HashMap<>();
    private StreamhostSelection.State state;

    private S5bReceiving(XmppClient client, Duration perHostTimeout) {
        this.client = client;
        this.perHostTimeout = perHostTimeout;
    }

    /** Tries the hosts of {@code offer}; the Mono emits the bytestream's connection, or fails once every host failed. */
    static Mono<Connection> select(XmppClient client, Iq offer, Duration perHostTimeout) {
        S5bReceiving receiving = new S5bReceiving(client, perHostTimeout);
        receiving.start(offer);
        return receiving.ready.asMono();
    }

    private synchronized void start(Iq offer) {
        Step<StreamhostSelection.State, StreamhostSelection.Output> step =
                StreamhostSelection.start(offer, offer.to().getOrElse(client::jid), perHostTimeout);
        apply(step);
    }

    private synchronized void feed(StreamhostSelection.Input input) {
        apply(StreamhostSelection.step(state, input, perHostTimeout));
    }

    private void apply(Step<StreamhostSelection.State, StreamhostSelection.Output> step) {
        state = step.state();
        for (StreamhostSelection.Output output : step.outputs()) {
            if (output instanceof StreamhostSelection.Output.Connect connect) {
                int index = connect.index();
                attempts.put(index, Socks5Connector.connect(connect.host().host(), connect.host().port(), connect.dstAddr(), perHostTimeout)
                        .subscribe(connection -> connected(index, connection),
                                error -> feed(new StreamhostSelection.Input.ConnectFailed(index))));
            } else if (output instanceof StreamhostSelection.Output.Abandon abandon) {
                Disposable attempt = attempts.remove(abandon.index());
                if (attempt != null) {
                    attempt.dispose();
                }
                Connection late = connections.remove(abandon.index());
                if (late != null) {
                    late.dispose();
                }
            } else if (output instanceof StreamhostSelection.Output.Send send) {
                client.send(send.iq()).subscribe(null, ready::tryEmitError);
            } else if (output instanceof StreamhostSelection.Output.Ready chosen) {
                ready.tryEmitValue(connections.get(chosen.index()));
            } else if (output instanceof StreamhostSelection.Output.Failed failed) {
                ready.tryEmitError(new FileTransferException("no offered streamhost could be reached (" + failed.condition().wireName() + ")"));
            }
            // StartTimer: the connect attempt's own timeout is the timer
        }
    }

    private synchronized void connected(int index, Connection connection) {
        connections.put(index, connection);
        feed(new StreamhostSelection.Input.Connected(index));
    }
}
