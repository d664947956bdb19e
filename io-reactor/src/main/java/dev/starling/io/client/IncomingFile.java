package dev.starling.io.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbReceiver;
import dev.starling.machine.si.SiNegotiation;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.machine.jingle.Candidates;
import dev.starling.model.bytestreams.Streamhost;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
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
    private final OfferTerms offer;
    private final java.util.function.Function<String, DirectStreamhost> directHosts;
    private final Sinks.Many<ClientFileTransfer.Progress> progress = Sinks.many().replay().latest();

    IncomingFile(XmppClient client, OfferTerms offer, java.util.function.Function<String, DirectStreamhost> directHosts) {
        this.client = client;
        this.offer = offer;
        this.directHosts = directHosts;
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

    /** The offered digest's algorithm ({@code MD5} for XEP-0096, {@code SHA-256} for Jingle), if the sender gave one. */
    public Option<String> hashAlgorithm() {
        return offer.algorithm();
    }

    /**
     * The sender's digest, lowercase hex: the offered one, or for a Jingle offer with
     * {@code <hash-used/>} the checksum the sender sent during the transfer (XEP-0234 §8.1), once it
     * arrived; none if the sender gave none (yet).
     */
    public Option<String> hash() {
        return offer.digest().orElse(() -> checksum);
    }

    /**
     * How far the receiving has come once accepted: the bytes written (a resumed transfer counts
     * from the bytes it already had), the rate, and the method carrying them; completes when the
     * transfer ends, whether the file arrived or not ({@link #accept} says which).
     */
    public Flux<ClientFileTransfer.Progress> progress() {
        return progress.asFlux();
    }

    /** When the sender says the file was last modified, if it says so. */
    public Option<java.time.Instant> date() {
        return offer.date();
    }

    /** The sender's description of the file, if any. */
    public Option<String> description() {
        return offer.desc();
    }

    /** Declines the offer (XEP-0095 Example 8). */
    public Mono<Void> reject() {
        return client.send(offer.declineIq());
    }

    /**
     * Accepts the offer and receives the file into {@code directory}: completes with the file's
     * path once it is whole and verified (an existing file of the same name is never overwritten:
     * a number is added), or fails with a {@link FileTransferException}. A partial file left by
     * an earlier {@link #resume} is replaced; a failure removes the partial file. Disposing the
     * subscription cancels the transfer; a cancel or a failure on this side is told to the sender
     * (the in-band bytestream's close, or a Jingle session-terminate with {@code cancel},
     * {@code media-error} and {@code <file-too-large/>}, {@code timeout} or {@code failed-application}).
     */
    public Mono<Path> accept(Path directory) {
        return receive(directory, false, Option.none());
    }

    /**
     * Like {@link #accept(Path)}, and for a Jingle offer over SOCKS5 also offers this client's own
     * streamhost on {@code directHost} as a direct candidate in the session-accept (XEP-0260 §2.2),
     * which the sender tries too: the file then flows over whichever connection §2.4 nominates.
     * For any other offer the address is not used.
     */
    public Mono<Path> accept(Path directory, String directHost) {
        return receive(directory, false, Option.some(directHost));
    }

    /**
     * Like {@link #accept}, but continues from the partial file an earlier attempt at the same
     * offer left in {@code directory} ({@link #partialFile}): asks the sender for the rest with a
     * XEP-0096 range (§5.2) when the sender offered ranges, and checks the digest over the whole
     * file. A failure keeps the partial file for the next attempt.
     */
    public Mono<Path> resume(Path directory) {
        return receive(directory, true, Option.none());
    }

    /**
     * Where a partial copy of this offer is kept until it is whole: a hidden name made of the
     * safe name and a key of the sender's bare JID, the size and the digest, so that a new offer
     * of the same file from the same sender finds it.
     */
    public Path partialFile(Path directory) {
        String key = java.util.HexFormat.of().formatHex(ClientFileTransfer.digest("SHA-1").digest((offer.from().bare() + "|" + offer.size()
                + "|" + offer.digest().getOrElse("")).getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        return directory.toAbsolutePath().normalize().resolve("." + offer.safeName() + "." + key + ".part");
    }

    private Mono<Path> receive(Path directory, boolean resuming, Option<String> directHost) {
        // the streamhost starts (and binds) on first use: off the event loop the offer arrived on
        return Mono.fromCallable(() -> directHost.flatMap(host -> offer.jingleSocks5().map(s5b -> ownCandidate(host, s5b))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(own -> receiveWith(directory, resuming, own));
    }

    private Mono<Path> receiveWith(Path directory, boolean resuming, Option<OwnCandidate> own) {
        return Mono.defer(() -> {
            Path dir = directory.toAbsolutePath().normalize();
            Path part = partialFile(dir);
            if (!part.getParent().equals(dir)) {
                own.forEach(o -> o.host().forget(o.dstAddr()));
                return Mono.error(new FileTransferException("the offered name leaves the directory"));
            }
            OfferTerms terms = own.map(candidate -> offer.offering(Array.of(candidate.candidate()))).getOrElse(offer);
            Receiving receiving = new Receiving(part, resuming && offer.resumeIq().isDefined(), terms.jingle(), own);
            Sinks.One<Path> done = Sinks.one();
            var chunks = IdleLimit.of(client.stanzas().filter(this::belongs), receiving.reads.asFlux(), ClientFileTransfer.IDLE)
                    .publishOn(Schedulers.boundedElastic())
                    .subscribe(stanza -> {
                        if (stanza instanceof dev.starling.model.stanza.Presence) {
                            senderStillThere(receiving, done);
                        } else if (stanza instanceof Iq iq && iq.payload().exists(BytestreamQuery.class::isInstance)) {
                            overSocks5(iq, receiving, done, dir);
                        } else {
                            receiving.receive(stanza, done, dir);
                        }
                    }, error -> receiving.fail(done,
                            new FileTransferException("no stanza or byte from " + offer.from() + " in " + ClientFileTransfer.IDLE.toSeconds() + " s", error)));
            return Mono.fromCallable(() -> receiving.open()).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(from -> client.send(from == 0 ? terms.acceptIq() : offer.resumeIq().get().apply(from)))
                    .then(Mono.fromRunnable(() -> terms.afterAccept().forEach(output -> receiving.perform(output, done, dir))))
                    .then(done.asMono())
                    .doOnError(error -> receiving.discard())
                    .doOnCancel(() -> receiving.cancel(done))
                    .doFinally(signal -> {
                        chunks.dispose();
                        receiving.releaseAll();
                        receiving.dropSocks5();
                        progress.tryEmitComplete();
                    });
        });
    }

    /**
     * This receiver's own direct candidate for a Jingle SOCKS5 offer: its streamhost, expecting the
     * DST.ADDR of candidates the responder offers (XEP-0260 §2.2: SHA1(SID + responder + initiator)).
     */
    private record OwnCandidate(DirectStreamhost host, String dstAddr, DirectStreamhost.Expected expected,
                                dev.starling.model.jingle.JingleTransport.Candidate candidate,
                                Mono<io.vavr.Tuple2<reactor.netty.Connection, HeldInbound>> arrival) {
    }

    private OwnCandidate ownCandidate(String address, dev.starling.model.jingle.JingleTransport.Socks5 offered) {
        DirectStreamhost host = directHosts.apply(address);
        String dstAddr = Candidates.dstAddr(offered.sid(), offer.self(), offer.from());
        var candidate = Candidates.of(Array.of(new Streamhost(offer.self(), address, host.port())), offer.self(), Array.of(client.token(10))).head();
        DirectStreamhost.Expected expected = host.expect(dstAddr);
        // the initiator's connection, its input held from the moment it is admitted
        Mono<io.vavr.Tuple2<reactor.netty.Connection, HeldInbound>> arrival = expected.connection().asMono()
                .map(connection -> io.vavr.Tuple.of(connection, HeldInbound.of(connection))).cache();
        arrival.subscribe(); // held from now; a connection that never comes fails the read of it
        return new OwnCandidate(host, dstAddr, expected, candidate, arrival);
    }

    /**
     * The sender's SOCKS5 offer (XEP-0065 §5.3.1): reach a streamhost, then write what it carries
     * until the offered size has arrived. If no host can be reached the sender falls back to IBB
     * on the same sid, which this transfer still accepts. The sender may also fall back after this
     * side reported a streamhost it reached (its own connection or the activation failed): once
     * the in-band bytestream opens, the SOCKS5 connection is dropped and its end changes nothing.
     */
    private void overSocks5(Iq offerIq, Receiving receiving, Sinks.One<Path> done, Path dir) {
        receiving.overSocks5(S5bReceiving.select(client, offerIq, ClientFileTransfer.PER_HOST)
                .flatMap(connection -> receiving.drain(connection.inbound().receive().retain(), dir).doFinally(signal -> connection.dispose()))
                .subscribe(verified -> verified.forEach(done::tryEmitValue), error -> {
                    if (receiving.started() && !receiving.inBand()) {
                        receiving.fail(done, error);
                    }
                }));
    }

    /**
     * The sender's resource became unavailable (RFC 6121 §4.5.2): usually it is gone, but a client
     * may send unavailable presence and keep its session. A XEP-0199 ping tells which: an error
     * answer (the server's, for a resource with no session, RFC 6121 §8.5.3.2.3) fails the
     * transfer now instead of after the idle limit; a result changes nothing.
     */
    private void senderStillThere(Receiving receiving, Sinks.One<Path> done) {
        client.ping(Option.some(offer.from())).timeout(ClientFileTransfer.PER_HOST).subscribe(null, error -> {
            if (error instanceof XmppException refused && refused.stanzaError().isDefined()) {
                receiving.fail(done, new FileTransferException("the sender " + offer.from() + " went offline ("
                        + refused.stanzaError().get().condition().wireName() + " to a ping)"));
            } // no answer at all: the idle limit decides
        });
    }

    /**
     * Whether a stanza is this transfer's: an IBB or SOCKS5 request for its sid from the sender, or
     * unavailable presence from the sender's resource or from its bare JID (all its resources gone).
     */
    private boolean belongs(Stanza stanza) {
        if (stanza instanceof dev.starling.model.stanza.Presence presence) {
            return presence.type().contains(dev.starling.model.stanza.PresenceType.UNAVAILABLE)
                    && presence.from().exists(from -> from.equals(offer.from()) || from.equals(offer.from().bare()));
        }
        boolean request = stanza instanceof Iq iq ? iq.type() == IqType.SET : stanza instanceof Message;
        return request && stanza.from().contains(offer.from()) && stanza.children().exists(child ->
                child instanceof InBandBytestream ibb && ibb.sid().equals(offer.streamSid())
                        || child instanceof BytestreamQuery query && query.sid().contains(offer.streamSid())
                        || child instanceof dev.starling.model.jingle.Jingle jingle && offer.jingle().exists(s -> s.sid().equals(jingle.sid())));
    }

    /** The receiving machine and the part file, used from one bounded-scheduler worker at a time. */
    private volatile Option<String> checksum = Option.none(); // a Jingle sender's checksum, once it arrived (XEP-0234 §8.1)

    private final class Receiving {

        private final Path part;
        private final MessageDigest md5 = ClientFileTransfer.digest(offer.algorithm().getOrElse("MD5"));
        private final IbbReceiver.Config config;
        private IbbReceiver.State state = IbbReceiver.State.initial();
        private FileChannel channel;
        private Writeback writeback;
        private long written;
        private reactor.core.Disposable socks5;             // the SI SOCKS5 leg, if the sender offered streamhosts
        private long resumedFrom;                           // the bytes a resumed part file already had
        private final long started = System.nanoTime();
        private dev.starling.machine.jingle.JingleResponder.State jingleState;
        private final Option<OwnCandidate> own;
        private Path completed;
        private boolean terminated;
        private String computed;                            // the received bytes' digest, once they are all in

        // the initiator's candidates reached, their input held from the start (the sender may begin before this side knows the nomination)
        private final java.util.Map<String, io.vavr.Tuple2<reactor.netty.Connection, HeldInbound>> candidates = new java.util.HashMap<>();
        private boolean over;
        // one signal per SOCKS5 read: bytes outside the XMPP stream also keep the transfer from going idle
        private final Sinks.Many<Boolean> reads = Sinks.many().multicast().directBestEffort();

        /** A Jingle request of this session (XEP-0166): the machine answers it; success after the bytes completes the file. */
        private void jingle(Iq iq, Sinks.One<Path> done, Path dir) {
            feed(new dev.starling.machine.jingle.JingleResponder.Input.Received(iq), done, dir);
        }

        private synchronized void feed(dev.starling.machine.jingle.JingleResponder.Input input, Sinks.One<Path> done, Path dir) {
            if (jingleState == null) {
                return;
            }
            var step = dev.starling.machine.jingle.JingleResponder.step(offer.self(), jingleState, input,
                    Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
            jingleState = step.state();
            step.outputs().forEach(output -> perform(output, done, dir));
        }

        /** Performs one of the Jingle responder's outputs. */
        synchronized void perform(dev.starling.machine.jingle.JingleResponder.Output output, Sinks.One<Path> done, Path dir) {
            if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.Send send) {
                client.send(send.iq()).subscribe(null, error -> fail(done, error));
            } else if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.TryCandidates attempt) {
                CandidateAttempts.firstReachable(attempt.candidates(), attempt.dstAddr())
                        .subscribe(found -> {
                            synchronized (this) {
                                found.forEach(reached -> {
                                    if (over) {
                                        reached._2.dispose(); // reached after the session ended
                                    } else {
                                        candidates.put(reached._1, io.vavr.Tuple.of(reached._2, HeldInbound.of(reached._2)));
                                    }
                                });
                            }
                            feed(new dev.starling.machine.jingle.JingleResponder.Input.CandidateOutcome(found.map(reached -> reached._1)), done, dir);
                        }, error -> fail(done, error));
            } else if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.ReadSocks5 read) {
                Mono<io.vavr.Tuple2<reactor.netty.Connection, HeldInbound>> connection = read.offeredHere()
                        ? own.map(o -> o.arrival().timeout(ClientFileTransfer.PER_HOST)).getOrElse(Mono.empty())
                        : Mono.justOrEmpty(candidates.remove(read.candidate().cid()));
                release(); // the connections not nominated
                connection.switchIfEmpty(Mono.error(new FileTransferException("no connection for the nominated candidate " + read.candidate().cid())))
                        .flatMap(c -> drain(c._2.flux(), dir).doFinally(signal -> c._1.dispose()))
                        .subscribe(verified -> bytesComplete(verified, done), error -> fail(done, error));
            } else if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.Ended ended) {
                if (!ended.reason().condition().equals("success")) {
                    fail(done, new FileTransferException("the sender ended the Jingle session: " + ended.reason().condition()));
                } else if (completed != null) {
                    done.tryEmitValue(completed);
                } else if (computed != null && hash().isEmpty()) {
                    fail(done, new FileTransferException("the sender announced a " + offer.algorithm().get()
                            + " checksum (XEP-0234 <hash-used/>) and ended the session without sending it"));
                } else {
                    terminated = true;
                }
            } else if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.ChecksumReceived checksum) {
                checksumReceived(checksum.hashes(), done, dir);
            } else if (output instanceof dev.starling.machine.jingle.JingleResponder.Output.ExpectIbb) {
                release(); // SOCKS5 was replaced; the in-band bytestream arrives on the same sid and is read as any other
            }
        }

        /** Closes the SOCKS5 connections this side made that carry nothing (all, once the session is over). */
        synchronized void release() {
            candidates.values().forEach(reached -> reached._1.dispose());
            candidates.clear();
        }

        /** The session is over: also this side's own candidate stops being expected, and its connection closes. */
        synchronized void releaseAll() {
            over = true;
            release();
            own.forEach(o -> {
                o.host().forget(o.dstAddr());
                o.expected().done().tryEmitEmpty();
            });
        }

        /**
         * The file is whole: verified and in place (done now, or for Jingle once the session ended
         * with success), or still waiting for the sender's checksum (none).
         */
        private synchronized void bytesComplete(Option<Path> verified, Sinks.One<Path> done) {
            if (verified.isEmpty()) {
                return;
            }
            completed = verified.get();
            if (jingleState == null || terminated) {
                done.tryEmitValue(completed);
            }
        }

        /** The sender's checksum (XEP-0234 §8.1): the bytes are verified against it now if they are all in, else once they are. */
        private synchronized void checksumReceived(io.vavr.collection.Seq<dev.starling.model.jingle.Hash> hashes, Sinks.One<Path> done, Path dir) {
            Option<dev.starling.model.jingle.Hash> hash = hashes.find(h -> dev.starling.model.jingle.Hash.jdkName(h.algo()).equals(offer.algorithm()));
            if (hash.isEmpty() || hash().isDefined()) {
                return; // a checksum in a function not announced, or after the offered hash: the offered one is checked
            }
            try {
                checksum = Option.some(OfferTerms.hex(hash.get()));
            } catch (IllegalArgumentException e) {
                fail(done, new FileTransferException("the sender's checksum is not base64: " + e.getMessage()));
                return;
            }
            if (computed != null) {
                try {
                    bytesComplete(Option.some(intoPlace(dir)), done);
                } catch (IOException | RuntimeException e) {
                    fail(done, e);
                }
            }
        }

        private final boolean keepOnFailure;

        Receiving(Path part, boolean resuming, Option<dev.starling.machine.jingle.JingleResponder.State> jingle, Option<OwnCandidate> own) {
            this.part = part;
            this.keepOnFailure = resuming;
            this.jingleState = jingle.getOrNull();
            this.own = own;
            this.config = new IbbReceiver.Config(offer.from(), offer.streamSid(), InBandBytestream.MAX_UNSIGNED_16);
        }

        /** Opens the part file: fresh, or (resuming) after the bytes it has, which go into the digest first; returns the offset. */
        synchronized long open() throws IOException {
            if (!keepOnFailure || !Files.exists(part) || Files.size(part) >= offer.size()) {
                Files.deleteIfExists(part);
                channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                writeback = new Writeback(channel);
                return 0;
            }
            channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            for (int n = channel.read(buffer); n >= 0; n = channel.read(buffer)) {
                buffer.flip();
                md5.update(buffer);
                buffer.clear();
            }
            written = channel.size();
            resumedFrom = written;
            channel.position(written);
            writeback = new Writeback(channel);
            return written;
        }

        synchronized void receive(Stanza stanza, Sinks.One<Path> done, Path dir) {
            if (stanza instanceof Iq iq && iq.payload().exists(dev.starling.model.jingle.Jingle.class::isInstance)) {
                jingle(iq, done, dir);
                return;
            }
            if (state.ended()) {
                return;
            }
            Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(config, state, stanza,
                    Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
            if (state.phase() == IbbReceiver.Phase.AWAITING_OPEN && step.state().phase() == IbbReceiver.Phase.OPEN && socks5 != null) {
                socks5.dispose(); // the sender fell back to IBB (XEP-0096 §6): the bytestream it abandoned carries nothing
            }
            state = step.state();
            try {
                for (IbbReceiver.Output output : step.outputs()) {
                    if (output instanceof IbbReceiver.Output.Received chunk) {
                        write(ByteBuffer.wrap(chunk.bytes().toArray()), jingleState == null ? InBandBytestream.NAMESPACE
                                : dev.starling.model.jingle.JingleTransport.Ibb.NAMESPACE);
                    } else if (output instanceof IbbReceiver.Output.Send send) {
                        client.send(send.stanza()).subscribe(null, error -> fail(done, error));
                    } else if (output instanceof IbbReceiver.Output.Closed) {
                        bytesComplete(complete(dir), done); // a Jingle session also waits for the initiator's success (and checksum)
                    } else if (output instanceof IbbReceiver.Output.Failed failed) {
                        fail(done, new FileTransferException("the in-band bytestream failed: " + failed.reason()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                fail(done, e);
            }
        }

        /** Appends bytes carried by {@code method} to the part file and the digest; more than the offered size fails the transfer. */
        private void write(ByteBuffer bytes, String method) throws IOException {
            written += bytes.remaining();
            progress.tryEmitNext(new ClientFileTransfer.Progress(written - resumedFrom, offer.size() - resumedFrom, method,
                    java.time.Duration.ofNanos(System.nanoTime() - started)));
            if (written > offer.size()) {
                throw new FileTransferException.TooLarge("the sender sent more than the " + offer.size() + " bytes it offered");
            }
            md5.update(bytes.duplicate());
            int length = bytes.remaining();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            writeback.wrote(length);
        }

        /** The SOCKS5 leg of an SI transfer, dropped if the sender falls back to IBB. */
        synchronized void overSocks5(reactor.core.Disposable leg) {
            socks5 = leg;
        }

        /** The transfer is over: a SOCKS5 leg still open closes. */
        synchronized void dropSocks5() {
            if (socks5 != null) {
                socks5.dispose();
            }
        }

        /** Whether the bytes come in-band: the in-band bytestream was opened. */
        synchronized boolean inBand() {
            return state.phase() != IbbReceiver.Phase.AWAITING_OPEN;
        }

        /** Whether any byte arrived. */
        synchronized boolean started() {
            return written > 0 || state.ended();
        }

        /**
         * Writes what a SOCKS5 bytestream carries (retained buffers, released here), a read at a time on a bounded scheduler, until the
         * offered size is in; then verifies and completes. Ending early fails.
         */
        Mono<Option<Path>> drain(reactor.core.publisher.Flux<io.netty.buffer.ByteBuf> inbound, Path dir) {
            if (offer.size() == 0) { // nothing to count: the sender's close ends it
                return inbound.doOnNext(io.netty.buffer.ByteBuf::release).then(Mono.fromCallable(() -> finish(dir)).subscribeOn(Schedulers.boundedElastic()));
            }
            return inbound.publishOn(Schedulers.boundedElastic(), 32)
                    .concatMap(buffer -> {
                        try {
                            synchronized (this) {
                                write(buffer.nioBuffer(), jingleState == null ? BytestreamQuery.NAMESPACE
                                        : dev.starling.model.jingle.JingleTransport.Socks5.NAMESPACE);
                                reads.tryEmitNext(true);
                                return written == offer.size() ? Mono.just(finish(dir)) : Mono.<Option<Path>>empty();
                            }
                        } catch (IOException e) {
                            return Mono.error(e);
                        } finally {
                            buffer.release();
                        }
                    })
                    .next()
                    .switchIfEmpty(Mono.defer(() -> Mono.error(new FileTransferException(
                            "the SOCKS5 bytestream ended after " + written + " of " + offer.size() + " bytes"))));
        }

        private synchronized Option<Path> finish(Path dir) throws IOException {
            return complete(dir);
        }

        /**
         * Checks the size and computes the digest; then verifies and moves the part file into
         * place, unless the digest to match is a Jingle checksum still to come (none: it is
         * verified when it arrives).
         */
        private Option<Path> complete(Path dir) throws IOException {
            writeback.finish();
            channel.close();
            if (written != offer.size()) {
                throw new FileTransferException("received " + written + " of " + offer.size() + " bytes");
            }
            computed = HexFormat.of().formatHex(md5.digest());
            if (hash().isEmpty() && offer.checksumFollows()) {
                return Option.none();
            }
            return Option.some(intoPlace(dir));
        }

        /** Verifies the digest, then moves the part file into place under a name not yet taken. */
        private Path intoPlace(Path dir) throws IOException {
            if (hash().exists(sent -> !sent.equalsIgnoreCase(computed))) {
                throw new FileTransferException("the " + offer.algorithm().get() + " " + computed + " is not the sender's " + hash().get());
            }
            Path target = dir.resolve(offer.safeName());
            for (int n = 1; Files.exists(target); n++) {
                target = dir.resolve(offer.safeName() + "." + n);
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }

        synchronized void fail(Sinks.One<Path> done, Throwable error) {
            discard();
            abort(done, reasonFor(error));
            done.tryEmitError(error instanceof FileTransferException ? error : new FileTransferException("the transfer failed", error));
        }

        /**
         * Tells the sender this side gives up, unless the transfer already ended: a Jingle
         * session-terminate with the reason (XEP-0166 §6.7, XEP-0234 §7.2), or the in-band
         * bytestream's close (XEP-0047 §2.3). A SOCKS5 connection is closed when the transfer ends.
         */
        synchronized void abort(Sinks.One<Path> done, dev.starling.model.jingle.JingleReason reason) {
            if (jingleState != null) {
                feed(new dev.starling.machine.jingle.JingleResponder.Input.Abort(reason), done, null);
                return;
            }
            Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.abort(config, state, Fresh.drawnOnUse(Instant.now(), () -> client.token(96)));
            state = step.state();
            step.outputs().filter(IbbReceiver.Output.Send.class::isInstance)
                    .forEach(output -> client.send(((IbbReceiver.Output.Send) output).stanza()).subscribe(null, e -> { }));
        }

        /** The Jingle reason for a failure on this side: too much data, no data in time, or anything else. */
        private dev.starling.model.jingle.JingleReason reasonFor(Throwable error) {
            if (error instanceof FileTransferException.TooLarge) {
                return new dev.starling.model.jingle.JingleReason("media-error", Option.none(), Option.none(), Option.some(
                        dev.starling.model.element.Element.of(dev.starling.model.jingle.FileDescription.ERRORS_NAMESPACE, "file-too-large")));
            }
            if (error.getCause() instanceof java.util.concurrent.TimeoutException) {
                return dev.starling.model.jingle.JingleReason.of("timeout");
            }
            return dev.starling.model.jingle.JingleReason.of("failed-application", String.valueOf(error.getMessage()));
        }

        /** The application cancelled: the sender is told, and the partial file goes (or stays, when resuming). */
        synchronized void cancel(Sinks.One<Path> done) {
            abort(done, dev.starling.model.jingle.JingleReason.of("cancel"));
            discard();
        }

        synchronized void discard() {
            if (keepOnFailure) {
                try {
                    if (channel != null && channel.isOpen()) {
                        channel.close();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot close the partial file " + part, e);
                }
                return; // kept for the next resume
            }
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
