package dev.starling.io.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Hash;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleReason;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.io.bytestreams.Socks5Connector;
import dev.starling.machine.jingle.Candidates;
import dev.starling.model.bytestreams.Streamhost;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The shell around one {@link JingleInitiator}: it sends the session-initiate for the file
 * (with its size, naming SHA-256 with {@code <hash-used/>}), hashes the file on a bounded worker
 * while the session is negotiated and the bytes flow, and gives the machine the XEP-0300 hash for
 * the checksum it sends in a session-info (XEP-0234 §8.1: the file is read once for the hash,
 * not before the first byte moves); it feeds the machine the responder's answers and requests,
 * tries the responder's SOCKS5 candidates when the machine says so, streams over IBB (XEP-0261,
 * with the block size agreed) or over the nominated SOCKS5 candidate (XEP-0260: its own
 * streamhost, a proxy it connects to and activates, or the responder's candidate it reached),
 * and reports the delivery so the machine can terminate with {@code success}.
 */
final class JingleSending {

    private final XmppClient client;
    private final JingleInitiator.Config config;
    private final Path file;
    private volatile boolean cancelled;                // the application cancelled: nothing more is reported
    private final long size;
    private final SendOptions options;
    private JingleInitiator.State state;
    private FluxSink<ClientFileTransfer.Progress> sink;
    private final Option<DirectStreamhost> directHost;
    private final Option<DirectStreamhost.Expected> direct;
    private Disposable requests;
    private Disposable transfer;
    private Disposable hashing;
    private Connection proxyConnection;
    private final java.util.Map<String, Connection> tried = new java.util.HashMap<>(); // the responder's candidates this side reached
    private boolean over;

    /**
     * A session offering the file over SOCKS5 candidates for {@code hosts} with IBB as the
     * fallback, or (no hosts) over IBB alone.
     */
    JingleSending(XmppClient client, Jid to, Path file, long size, java.time.Instant modified, SendOptions options, Option<Seq<Streamhost>> hosts,
                  Option<DirectStreamhost> directHost) {
        this.client = client;
        this.file = file;
        this.size = size;
        this.options = options;
        this.directHost = directHost;
        JingleFile offered = new JingleFile(Option.some(modified.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), options.description(),
                Option.some("application/octet-stream"),
                Option.some(file.getFileName().toString()), Option.some(size), Option.none(), Array.empty(), Option.some("sha-256"));
        String streamSid = "ji-" + client.token(16);
        JingleTransport.Ibb ibb = new JingleTransport.Ibb(16 * 1024, streamSid);
        String dstAddr = Candidates.dstAddr(streamSid, client.jid(), to);
        this.config = hosts.filter(h -> !h.isEmpty()).map(h -> new JingleInitiator.Config(client.jid(), to, "js-" + client.token(16), offered,
                        new JingleTransport.Socks5(streamSid, Option.some(dstAddr), Option.some("tcp"),
                                Candidates.of(h, client.jid(), h.map(x -> client.token(10))), Option.none(), false, Option.none(), false),
                        Option.some(ibb)))
                .getOrElse(() -> new JingleInitiator.Config(client.jid(), to, "js-" + client.token(16), offered, ibb));
        this.direct = hosts.exists(h -> h.exists(host -> host.jid().equals(client.jid())))
                ? directHost.map(d -> d.expect(dstAddr)) : Option.none();
        this.state = JingleInitiator.initial(config);
    }

    Flux<ClientFileTransfer.Progress> run() {
        return Flux.<ClientFileTransfer.Progress>create(emitter -> {
            sink = emitter;
            emitter.onCancel(() -> {
                cancelled = true;
                abort(JingleReason.of("cancel"));
            });
            emitter.onDispose(this::release);
            requests = client.stanzas().ofType(Iq.class)
                    .filter(iq -> iq.type().isRequest() && iq.from().contains(config.responder())
                            && iq.payload().exists(p -> p instanceof Jingle jingle && jingle.sid().equals(config.sid())))
                    .subscribe(iq -> feed(new JingleInitiator.Input.Received(iq)));
            feed(new JingleInitiator.Input.Start());
            hashing = ClientFileTransfer.sha256(file).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                    .subscribe(sha256 -> feed(new JingleInitiator.Input.Hashed(Array.of(new Hash("sha-256", sha256)))),
                            error -> fail(new FileTransferException("cannot hash " + file, error)));
        });
    }

    private synchronized void feed(JingleInitiator.Input input) {
        Step<JingleInitiator.State, JingleInitiator.Output> step = JingleInitiator.step(config, state, input,
                Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
        state = step.state();
        for (JingleInitiator.Output output : step.outputs()) {
            if (output instanceof JingleInitiator.Output.Send send) {
                if (send.iq().type().isRequest()) {
                    client.exchange(send.iq(), ClientFileTransfer.IDLE).subscribe(answer -> feed(new JingleInitiator.Input.Received(answer)),
                            error -> fail(new FileTransferException("no answer from " + config.responder(), error)));
                } else {
                    client.send(send.iq()).subscribe(null, this::fail);
                }
            } else if (output instanceof JingleInitiator.Output.StartIbb ibb) {
                releaseTried();
                transfer = new IbbSending(client, config.responder(), ibb.sid(), file, size, Option.none(), options, ibb.blockSize(),
                        JingleTransport.Ibb.NAMESPACE).run()
                        .subscribe(sink::next, error -> feed(new JingleInitiator.Input.TransportFailed(error.getMessage())),
                                () -> feed(new JingleInitiator.Input.Delivered()));
            } else if (output instanceof JingleInitiator.Output.ConnectAndActivate activate) {
                activate(activate);
            } else if (output instanceof JingleInitiator.Output.TryCandidates attempt) {
                CandidateAttempts.firstReachable(attempt.candidates(), attempt.dstAddr()).subscribe(found -> {
                    synchronized (this) {
                        found.forEach(reached -> {
                            if (over) {
                                reached._2.dispose(); // reached after the session ended
                            } else {
                                tried.put(reached._1, reached._2);
                            }
                        });
                    }
                    feed(new JingleInitiator.Input.CandidateOutcome(found.map(reached -> reached._1)));
                }, this::fail);
            } else if (output instanceof JingleInitiator.Output.StartSocks5 start) {
                Mono<Connection> connection = !start.offeredHere() ? Mono.justOrEmpty(tried.remove(start.candidate().cid()))
                        : start.candidate().type().equals("proxy") ? Mono.justOrEmpty(proxyConnection)
                        : direct.map(d -> d.connection().asMono().timeout(ClientFileTransfer.PER_HOST)).getOrElse(Mono.empty());
                releaseTried(); // the connections not nominated
                transfer = connection.switchIfEmpty(Mono.error(new FileTransferException("no connection for " + start.candidate().cid())))
                        .flatMapMany(c -> Socks5Writing.write(c, file, 0, size, JingleTransport.Socks5.NAMESPACE))
                        .subscribe(sink::next, error -> feed(new JingleInitiator.Input.TransportFailed(error.getMessage())),
                                () -> feed(new JingleInitiator.Input.Delivered()));
            } else if (output instanceof JingleInitiator.Output.Done) {
                sink.complete();
            } else if (output instanceof JingleInitiator.Output.Failed failed) {
                fail(new FileTransferException(failed.reason()));
            }
        }
    }

    /** Connects to the nominated proxy with the DST.ADDR and asks it to activate the stream (XEP-0065 §6.3.4, §6.3.5). */
    private void activate(JingleInitiator.Output.ConnectAndActivate activate) {
        var candidate = activate.candidate();
        Iq request = new Iq(dev.starling.model.stanza.IqType.SET, "activate-" + client.token(12), Option.none(), Option.some(candidate.jid()),
                Option.none(), Array.of(dev.starling.model.bytestreams.BytestreamQuery.activation(activate.streamSid(), config.responder())));
        Socks5Connector.connect(candidate.host(), candidate.port().getOrElse(1080), activate.dstAddr(), ClientFileTransfer.PER_HOST)
                .flatMap(connection -> {
                    proxyConnection = connection;
                    return client.exchange(request, ClientFileTransfer.IDLE);
                })
                .subscribe(answer -> feed(answer.type() == dev.starling.model.stanza.IqType.RESULT ? new JingleInitiator.Input.Activated()
                                : new JingleInitiator.Input.ProxyFailed("the proxy refused to activate")),
                        error -> feed(new JingleInitiator.Input.ProxyFailed(String.valueOf(error.getMessage()))));
    }

    /** A failure: the responder is told (unless the session already ended), and the application gets the error. */
    private void fail(Throwable error) {
        abort(JingleReason.of("failed-application", String.valueOf(error.getMessage())));
        if (!cancelled) {
            sink.error(error instanceof FileTransferException ? error : new FileTransferException("the Jingle session failed", error));
        }
    }

    /** Ends the session for the responder with this reason if it is still going; what failed is the caller's to report. */
    private synchronized void abort(JingleReason reason) {
        Step<JingleInitiator.State, JingleInitiator.Output> step = JingleInitiator.step(config, state, new JingleInitiator.Input.Abort(reason),
                Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
        state = step.state();
        step.outputs().filter(JingleInitiator.Output.Send.class::isInstance)
                .forEach(output -> client.send(((JingleInitiator.Output.Send) output).iq()).subscribe(null, error -> { }));
    }

    private synchronized void releaseTried() {
        tried.values().forEach(Connection::dispose);
        tried.clear();
    }

    private void release() {
        synchronized (this) {
            over = true;
        }
        releaseTried();
        if (requests != null) {
            requests.dispose();
        }
        if (transfer != null) {
            transfer.dispose();
        }
        if (hashing != null) {
            hashing.dispose();
        }
        if (proxyConnection != null) {
            proxyConnection.dispose();
        }
        directHost.forEach(d -> d.forget(config.transport() instanceof JingleTransport.Socks5 ? config.dstAddr() : ""));
        direct.forEach(expected -> expected.done().tryEmitEmpty());
    }
}
