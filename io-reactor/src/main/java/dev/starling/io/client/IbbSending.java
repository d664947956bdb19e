package dev.starling.io.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbSender;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.si.Range;
import dev.starling.model.stanza.Iq;
import io.vavr.control.Option;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The shell around one {@link IbbSender}: it performs the machine's outputs (stanzas through the
 * client, block reads from the file on a bounded scheduler) and feeds it the answers and the
 * blocks, one input at a time. No protocol decision here.
 */
final class IbbSending {

    /** 16 KiB per chunk (a 22 KB stanza, well inside servers' limits); a receiver that wants less says so and gets half. */
    private static final int BLOCK_SIZE = 16 * 1024;

    private final XmppClient client;
    private final Jid peer;
    private final String method;
    private volatile boolean cancelled;                // the application cancelled: nothing more is reported
    private final Duration answerTimeout;
    private final IbbSender.Config config;
    private final Path file;
    private final long total;
    private long position;
    private IbbSender.State state;
    private FileChannel channel;
    private FluxSink<ClientFileTransfer.Progress> sink;
    private Disposable answers;

    IbbSending(XmppClient client, Jid peer, String sid, Path file, long size, Option<Range> range, SendOptions options) {
        this(client, peer, sid, file, size, range, options, BLOCK_SIZE, InBandBytestream.NAMESPACE);
    }

    /** The same with a block size agreed elsewhere (a Jingle transport, XEP-0261) and the method name progress reports. */
    IbbSending(XmppClient client, Jid peer, String sid, Path file, long size, Option<Range> range, SendOptions options, int blockSize,
               String method) {
        this.client = client;
        this.answerTimeout = options.ibbAnswerTimeout();
        this.peer = peer;
        this.method = method;
        this.config = new IbbSender.Config(peer, sid, blockSize, options.ibbCarrier(), options.ibbWindow());
        this.file = file;
        this.position = range.map(Range::start).getOrElse(0L);
        this.total = range.map(r -> r.lengthOf(size)).getOrElse(size);
        this.state = IbbSender.initial(config);
    }

    Flux<ClientFileTransfer.Progress> run() {
        return Flux.<ClientFileTransfer.Progress>create(emitter -> {
            sink = emitter;
            emitter.onCancel(() -> {
                cancelled = true;
                abort();
            });
            emitter.onDispose(this::release);
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                emitter.error(new FileTransferException("cannot read " + file, e));
                return;
            }
            answers = client.stanzas().ofType(Iq.class).filter(iq -> iq.from().contains(peer))
                    .timeout(answerTimeout)
                    .subscribe(iq -> feed(new IbbSender.Input.FromPeer(iq)),
                            error -> fail(new FileTransferException("no answer from " + peer + " in " + answerTimeout.toMillis() + " ms", error)));
            feed(new IbbSender.Input.Start());
        });
    }

    private synchronized void feed(IbbSender.Input input) {
        if (state.ended()) {
            return;
        }
        Step<IbbSender.State, IbbSender.Output> step = IbbSender.step(config, state, input,
                Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
        state = step.state();
        for (IbbSender.Output output : step.outputs()) {
            perform(output);
        }
    }

    private void perform(IbbSender.Output output) {
        if (output instanceof IbbSender.Output.Send send) {
            client.send(send.stanza()).subscribe(null, this::fail);
        } else if (output instanceof IbbSender.Output.Read read) {
            long sent = state.sent();
            Mono.fromCallable(() -> readBlock(sent, read.maxBytes())).subscribeOn(Schedulers.boundedElastic())
                    .subscribe(this::feed, this::fail);
        } else if (output instanceof IbbSender.Output.Progress progress) {
            sink.next(new ClientFileTransfer.Progress(progress.delivered(), total, method));
        } else if (output instanceof IbbSender.Output.Done) {
            release();
            sink.complete();
        } else if (output instanceof IbbSender.Output.Failed failed) {
            fail(new FileTransferException("the in-band bytestream failed: " + failed.reason()));
        }
    }

    /** The next block from the file: at most {@code max} bytes, the last one when the range is read. */
    private IbbSender.Input.Block readBlock(long sent, int max) throws IOException {
        int wanted = (int) Math.min(max, total - sent);
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + sent + buffer.position());
            if (n < 0) {
                throw new IOException(file + " ended before its " + total + " bytes");
            }
        }
        return new IbbSender.Input.Block(Bytes.of(Arrays.copyOf(buffer.array(), wanted)), sent + wanted == total);
    }

    /** A failure: the receiver is told (unless the stream already ended), and the application gets the error. */
    private void fail(Throwable error) {
        abort();
        release();
        if (!cancelled) {
            sink.error(error instanceof FileTransferException ? error : new FileTransferException("the transfer failed", error));
        }
    }

    /** Closes the stream for the receiver if it is still going (XEP-0047 §2.3); the failure itself is the caller's to report. */
    private synchronized void abort() {
        if (state.ended()) {
            return;
        }
        Step<IbbSender.State, IbbSender.Output> step = IbbSender.step(config, state, new IbbSender.Input.Cancel(),
                Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
        state = step.state();
        IbbSender.stanzas(step.outputs()).forEach(stanza -> client.send(stanza).subscribe(null, error -> { }));
    }

    private synchronized void release() {
        if (answers != null) {
            answers.dispose();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing was written: closing a read channel cannot lose data
        }
    }
}
