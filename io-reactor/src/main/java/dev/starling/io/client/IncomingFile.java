package dev.starling.io.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbReceiver;
import dev.starling.machine.si.SiNegotiation;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A file a peer offers (XEP-0096): its name, size and sender, to {@link #accept} into a directory
 * or {@link #reject}. Accepting writes the chunks, as the {@link IbbReceiver} hands them on and
 * before they are acknowledged, to a hidden {@code .<name>.<sid>.part} file; when the sender
 * closes the stream, the size and (if offered) the MD5 must match, and only then is the file
 * renamed into place. A transfer that fails, stalls or does not verify leaves no file behind.
 */
public final class IncomingFile {

    private final XmppClient client;
    private final Iq offerIq;
    private final SiNegotiation.Offer offer;

    IncomingFile(XmppClient client, Iq offerIq, SiNegotiation.Offer offer) {
        this.client = client;
        this.offerIq = offerIq;
        this.offer = offer;
    }

    /** Who offers the file. */
    public Jid from() {
        return offer.from();
    }

    /** The name it will be stored under: the offered name's last segment, never a path. */
    public String name() {
        return offer.safeName();
    }

    /** Its size in bytes. */
    public long size() {
        return offer.size();
    }

    /** The offered MD5, hex, if the sender gave one. */
    public Option<String> md5() {
        return offer.file().hash();
    }

    /** Declines the offer (XEP-0095 Example 8). */
    public Mono<Void> reject() {
        return client.send(SiNegotiation.decline(offerIq));
    }

    /**
     * Accepts the offer and receives the file into {@code directory}: completes with the file's
     * path once it is whole and verified (an existing file of the same name is never overwritten:
     * a number is added), or fails with a {@link FileTransferException}.
     */
    public Mono<Path> accept(Path directory) {
        return Mono.defer(() -> {
            Path dir = directory.toAbsolutePath().normalize();
            Path part = dir.resolve("." + offer.safeName() + "." + offer.sid() + ".part");
            if (!part.getParent().equals(dir)) {
                return Mono.error(new FileTransferException("the offered name leaves the directory"));
            }
            Receiving receiving = new Receiving(part);
            Sinks.One<Path> done = Sinks.one();
            var chunks = client.stanzas().filter(this::belongs).timeout(ClientFileTransfer.IDLE)
                    .publishOn(Schedulers.boundedElastic())
                    .subscribe(stanza -> receiving.receive(stanza, done, dir), error -> receiving.fail(done,
                            new FileTransferException("no data from " + offer.from() + " in " + ClientFileTransfer.IDLE.toSeconds() + " s", error)));
            return Mono.fromCallable(() -> receiving.open()).subscribeOn(Schedulers.boundedElastic())
                    .then(client.send(SiNegotiation.accept(offerIq, offer, Option.none())))
                    .then(done.asMono())
                    .doOnError(error -> receiving.discard())
                    .doFinally(signal -> chunks.dispose());
        });
    }

    /** Whether a stanza is this transfer's: an IBB request for its sid from the sender. */
    private boolean belongs(Stanza stanza) {
        boolean request = stanza instanceof Iq iq ? iq.type() == IqType.SET : stanza instanceof Message;
        return request && stanza.from().contains(offer.from()) && stanza.children()
                .exists(child -> child instanceof InBandBytestream ibb && ibb.sid().equals(offer.sid()));
    }

    /** The receiving machine and the part file, used from one bounded-scheduler worker at a time. */
    private final class Receiving {

        private final Path part;
        private final MessageDigest md5 = ClientFileTransfer.md5();
        private final IbbReceiver.Config config;
        private IbbReceiver.State state = IbbReceiver.State.initial();
        private FileChannel channel;

        Receiving(Path part) {
            this.part = part;
            this.config = new IbbReceiver.Config(offer.from(), offer.sid(), InBandBytestream.MAX_UNSIGNED_16);
        }

        synchronized Path open() throws IOException {
            channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return part;
        }

        synchronized void receive(Stanza stanza, Sinks.One<Path> done, Path dir) {
            if (state.ended()) {
                return;
            }
            Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(config, state, stanza,
                    Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
            state = step.state();
            try {
                for (IbbReceiver.Output output : step.outputs()) {
                    if (output instanceof IbbReceiver.Output.Received chunk) {
                        byte[] bytes = chunk.bytes().toArray();
                        if (state.received() > offer.size()) {
                            throw new FileTransferException("the sender sent more than the " + offer.size() + " bytes it offered");
                        }
                        md5.update(bytes);
                        ByteBuffer buffer = ByteBuffer.wrap(bytes);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                    } else if (output instanceof IbbReceiver.Output.Send send) {
                        client.send(send.stanza()).subscribe(null, error -> fail(done, error));
                    } else if (output instanceof IbbReceiver.Output.Closed) {
                        done.tryEmitValue(complete(dir));
                    } else if (output instanceof IbbReceiver.Output.Failed failed) {
                        fail(done, new FileTransferException("the in-band bytestream failed: " + failed.reason()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail(done, e);
            }
        }

        /** Verifies size and MD5, then moves the part file into place under a name not yet taken. */
        private Path complete(Path dir) throws IOException {
            channel.force(true);
            channel.close();
            if (state.received() != offer.size()) {
                throw new FileTransferException("received " + state.received() + " of " + offer.size() + " bytes");
            }
            String digest = HexFormat.of().formatHex(md5.digest());
            if (offer.file().hash().exists(hash -> !hash.equalsIgnoreCase(digest))) {
                throw new FileTransferException("the MD5 " + digest + " is not the offered " + offer.file().hash().get());
            }
            Path target = dir.resolve(offer.safeName());
            for (int n = 1; Files.exists(target); n++) {
                target = dir.resolve(offer.safeName() + "." + n);
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }

        synchronized void fail(Sinks.One<Path> done, Throwable error) {
            discard();
            done.tryEmitError(error instanceof FileTransferException ? error : new FileTransferException("the transfer failed", error));
        }

        synchronized void discard() {
            try {
                if (channel != null && channel.isOpen()) {
                    channel.close();
                }
                Files.deleteIfExists(part);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot remove the partial file " + part, e);
            }
        }
    }
}
