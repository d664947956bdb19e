package dev.starling.io.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Hash;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The shell around one {@link JingleInitiator}: it sends the session-initiate for the file
 * (with its size and XEP-0300 SHA-256), feeds the machine the responder's answers and requests,
 * streams over IBB when the machine says so (XEP-0261, with the block size agreed), and reports
 * the delivery so the machine can terminate with {@code success}.
 */
final class JingleSending {

    private final XmppClient client;
    private final JingleInitiator.Config config;
    private final Path file;
    private final long size;
    private final int window;
    private JingleInitiator.State state;
    private FluxSink<ClientFileTransfer.Progress> sink;
    private Disposable requests;
    private Disposable transfer;

    JingleSending(XmppClient client, Jid to, Path file, long size, String sha256Base64, int window) {
        this.client = client;
        this.file = file;
        this.size = size;
        this.window = window;
        JingleFile offered = new JingleFile(Option.none(), Option.none(), Option.some("application/octet-stream"),
                Option.some(file.getFileName().toString()), Option.some(size), Option.none(), Array.of(new Hash("sha-256", sha256Base64)),
                Option.none());
        this.config = new JingleInitiator.Config(client.jid(), to, "js-" + client.token(16), offered,
                new JingleTransport.Ibb(16 * 1024, "ji-" + client.token(16)));
        this.state = JingleInitiator.initial(config);
    }

    Flux<ClientFileTransfer.Progress> run() {
        return Flux.<ClientFileTransfer.Progress>create(emitter -> {
            sink = emitter;
            emitter.onDispose(this::release);
            requests = client.stanzas().ofType(Iq.class)
                    .filter(iq -> iq.type().isRequest() && iq.from().contains(config.responder())
                            && iq.payload().exists(p -> p instanceof Jingle jingle && jingle.sid().equals(config.sid())))
                    .subscribe(iq -> feed(new JingleInitiator.Input.Received(iq)));
            feed(new JingleInitiator.Input.Start());
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
                transfer = new IbbSending(client, config.responder(), ibb.sid(), file, size, Option.none(), window, ibb.blockSize(),
                        JingleTransport.Ibb.NAMESPACE).run()
                        .subscribe(sink::next, error -> feed(new JingleInitiator.Input.TransportFailed(error.getMessage())),
                                () -> feed(new JingleInitiator.Input.Delivered()));
            } else if (output instanceof JingleInitiator.Output.Done) {
                sink.complete();
            } else if (output instanceof JingleInitiator.Output.Failed failed) {
                fail(new FileTransferException(failed.reason()));
            }
        }
    }

    private void fail(Throwable error) {
        sink.error(error instanceof FileTransferException ? error : new FileTransferException("the Jingle session failed", error));
    }

    private void release() {
        if (requests != null) {
            requests.dispose();
        }
        if (transfer != null) {
            transfer.dispose();
        }
    }
}
