package dev.starling.io.client;

import dev.starling.machine.si.SiNegotiation;
import dev.starling.model.Extension;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.si.Range;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.si.FileTransfer;
import dev.starling.model.si.StreamInitiation;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * File transfer as XEP-0096 describes it: a XEP-0095 stream initiation offer, then the bytes over
 * the chosen stream method. This part carries them over XEP-0047 in-band bytestreams, driven by
 * the pure {@link dev.starling.machine.ibb.IbbSender} and {@link dev.starling.machine.ibb.IbbReceiver}.
 * Files are read and written a block at a time on a bounded scheduler, never on an event loop, so
 * memory stays flat whatever the size; the sender names the file's size and MD5 (XEP-0096 §4), and
 * the receiver writes to a hidden temporary name, checks both, and only then renames the file into
 * place, under a safe name ({@link dev.starling.model.si.FileNames}).
 *
 * <p>The client must announce file transfer and hand its requests to the application:
 * {@code ClientFileTransfer.enable(config)}; offers are answered once something subscribes to
 * {@link #offers()}.
 */
public final class ClientFileTransfer {

    /** The IQ payloads this class answers, for {@code ClientConfig.withHandledRequests}. */
    public static final Set<Class<? extends Extension>> REQUESTS = HashSet.of(StreamInitiation.class, BytestreamQuery.class,
            dev.starling.model.oob.OutOfBand.Query.class, dev.starling.model.jingle.Jingle.class,
            InBandBytestream.Open.class, InBandBytestream.Data.class, InBandBytestream.Close.class);

    /** What a client that transfers files announces in disco (XEP-0096 §6, XEP-0065 §4, XEP-0047 §7). */
    public static final Seq<String> FEATURES = Array.of(StreamInitiation.NAMESPACE, FileTransfer.NAMESPACE, BytestreamQuery.NAMESPACE,
            InBandBytestream.NAMESPACE, dev.starling.model.oob.OutOfBand.IQ_NAMESPACE, dev.starling.model.oob.OutOfBand.X_NAMESPACE,
            dev.starling.model.jingle.Jingle.NAMESPACE, dev.starling.model.jingle.FileDescription.NAMESPACE,
            dev.starling.model.jingle.JingleTransport.Ibb.NAMESPACE, dev.starling.model.jingle.Hash.NAMESPACE,
            "urn:xmpp:hash-function-text-names:sha-256");

    /**
     * The configuration of a client that sends and receives files: it announces {@link #FEATURES}
     * (peers such as Smack check them before offering SOCKS5) and hands the requests of
     * {@link #REQUESTS} to this class.
     */
    public static dev.starling.machine.stream.client.ClientConfig enable(dev.starling.machine.stream.client.ClientConfig config) {
        return config.withHandledRequests(REQUESTS).withServices(config.services().withFeatures(FEATURES));
    }

    /** The stream methods accepted, in order of preference: SOCKS5 bytestreams, then in-band. */
    static final Seq<String> METHODS = Array.of(BytestreamQuery.NAMESPACE, InBandBytestream.NAMESPACE);

    /** How long a receiver tries one streamhost. */
    static final Duration PER_HOST = Duration.ofSeconds(10);

    /** How long a transfer may go without a chunk or an answer. */
    static final Duration IDLE = Duration.ofSeconds(60);

    private final XmppClient client;
    private final Flux<IncomingFile> offers;
    private final Flux<IncomingUrl> urls;
    private final Mono<Seq<Streamhost>> proxies;
    private final java.util.Map<String, DirectStreamhost> directHosts = new java.util.HashMap<>();

    ClientFileTransfer(XmppClient client) {
        this.client = client;
        this.offers = client.stanzas().ofType(Iq.class)
                .filter(iq -> iq.type() == IqType.SET && iq.payload().exists(StreamInitiation.class::isInstance))
                .concatMap(iq -> SiNegotiation.read(iq, METHODS).fold(
                        error -> client.send(error).then(Mono.<IncomingFile>empty()),
                        offer -> Mono.just(new IncomingFile(client, OfferTerms.of(iq, offer, client.jid()), this::direct))))
                .mergeWith(client.stanzas().ofType(Iq.class).filter(ClientFileTransfer::isJingleInitiate).concatMap(this::jingleOffer))
                .share();
        this.urls = client.stanzas().ofType(Iq.class)
                .filter(iq -> iq.type() == IqType.SET && iq.payload().exists(dev.starling.model.oob.OutOfBand.Query.class::isInstance))
                .concatMap(iq -> dev.starling.machine.oob.OobExchange.read(iq, HashSet.of("http", "https")).fold(
                        error -> client.send(error).then(Mono.<IncomingUrl>empty()),
                        query -> Mono.just(new IncomingUrl(client, iq, query))))
                .share();
        this.proxies = Mono.defer(() -> ProxyDiscovery.discover(client, PER_HOST)).cache();
    }

    /**
     * How far a transfer has come.
     *
     * @param bytes   bytes the receiver has acknowledged (sending) or written (receiving)
     * @param total   the bytes to transfer: the file's size, or what is left of it when resuming
     * @param method  the stream method carrying them (its namespace, e.g. XEP-0047's or XEP-0260's)
     * @param elapsed the time since the transfer started
     */
    public record Progress(long bytes, long total, String method, Duration elapsed) {

        /** Progress not yet timed: {@link #timed} gives it its elapsed time. */
        Progress(long bytes, long total, String method) {
            this(bytes, total, method, Duration.ZERO);
        }

        /** The mean rate so far, in bytes per second (0 before any time has passed). */
        public double bytesPerSecond() {
            return elapsed.isZero() ? 0 : bytes * 1e9 / elapsed.toNanos();
        }

        /** The time left at the mean rate so far, if there is a rate yet. */
        public Option<Duration> remaining() {
            double rate = bytesPerSecond();
            return rate <= 0 ? Option.none() : Option.some(Duration.ofNanos((long) ((total - bytes) / rate * 1e9)));
        }

        /** Each progress of {@code transfer} with the time since it was subscribed to. */
        static Flux<Progress> timed(Flux<Progress> transfer) {
            return Flux.defer(() -> {
                long start = System.nanoTime();
                return transfer.map(p -> new Progress(p.bytes(), p.total(), p.method(), Duration.ofNanos(System.nanoTime() - start)));
            });
        }
    }

    /** Sends a file with the default options ({@link SendOptions#auto()}). */
    public Flux<Progress> sendFile(Jid to, Path file) {
        return sendFile(to, file, SendOptions.auto());
    }

    /**
     * Sends a file to a full JID: offers it with the options' stream methods (XEP-0095), then
     * streams it over the method the receiver chose. For SOCKS5 (XEP-0065) it offers its own
     * streamhost if configured, then the server's proxies; if no streamhost works before a byte
     * was sent, it carries on over IBB on the same stream id when IBB was offered (the fallback
     * XEP-0096 receivers such as Smack's listen for). The Flux reports progress (bytes, rate, time
     * left and the method carrying them) and completes once
     * the receiver has every byte (IBB: acknowledged; SOCKS5: read and closed); it fails with a
     * {@link FileTransferException} if the receiver refuses or the transfer breaks. Disposing the
     * subscription cancels the transfer and tells the receiver: the in-band bytestream's close
     * (XEP-0047 §2.3), a Jingle session-terminate with {@code cancel} (XEP-0166 §6.7), or the
     * SOCKS5 connection closed short.
     */
    public Flux<Progress> sendFile(Jid to, Path file, SendOptions options) {
        return Progress.timed(untimed(to, file, options));
    }

    private Flux<Progress> untimed(Jid to, Path file, SendOptions options) {
        if (options.methods().contains(dev.starling.model.jingle.FileDescription.NAMESPACE)) {
            boolean socks5 = options.methods().contains(dev.starling.model.jingle.JingleTransport.Socks5.NAMESPACE);
            Mono<Option<Seq<Streamhost>>> hosts = socks5 ? streamhosts(options).map(Option::some) : Mono.just(Option.none());
            return Mono.fromCallable(() -> new long[]{Files.size(file), Files.getLastModifiedTime(file).toMillis()})
                    .subscribeOn(Schedulers.boundedElastic()).zipWith(hosts)
                    .flatMapMany(sized -> new JingleSending(client, to, file, sized.getT1()[0], java.time.Instant.ofEpochMilli(sized.getT1()[1]),
                            options, sized.getT2(), options.directHost().map(this::direct)).run());
        }
        return Mono.fromCallable(() -> new long[]{Files.size(file), Files.getLastModifiedTime(file).toMillis()}).zipWith(md5(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(sized -> {
                    long size = sized.getT1()[0];
                    String sid = "ft-" + client.token(16);
                    FileTransfer offered = new FileTransfer(Option.some(file.getFileName().toString()), Option.some(size),
                            Option.some(sized.getT2()), Option.some(dev.starling.codec.DateTimes.format(java.time.Instant.ofEpochMilli(sized.getT1()[1]))),
                            options.description(), Option.some(dev.starling.model.si.Range.whole())); // ranges supported (§5.2)
                    Iq offer = SiNegotiation.offer("si-" + client.token(12), to, sid, offered, Option.none(), options.methods());
                    return client.exchange(offer, IDLE).flatMapMany(answer -> SiNegotiation.answer(answer, options.methods()).fold(
                            refusal -> Flux.error(new FileTransferException("the receiver did not take the file: " + refusal)),
                            accepted -> {
                                long position = accepted.range().map(Range::start).getOrElse(0L);
                                long total = accepted.range().map(r -> r.lengthOf(size)).getOrElse(size);
                                Flux<Progress> ibb = new IbbSending(client, to, sid, file, size, accepted.range(), options).run();
                                if (!accepted.method().equals(BytestreamQuery.NAMESPACE)) {
                                    return ibb;
                                }
                                Flux<Progress> socks5 = streamhosts(options).flatMapMany(hosts -> hosts.isEmpty()
                                        ? Flux.error(new S5bSending.Unavailable("no streamhost to offer"))
                                        : new S5bSending(client, to, sid, hosts, options.directHost().map(this::direct), file, position, total,
                                        options.perHostTimeout()).run());
                                return options.methods().contains(InBandBytestream.NAMESPACE)
                                        ? socks5.onErrorResume(S5bSending.Unavailable.class, unavailable -> ibb) : socks5;
                            }));
                });
    }

    private static boolean isJingleInitiate(Iq iq) {
        return iq.type() == IqType.SET && iq.payload().exists(p -> p instanceof dev.starling.model.jingle.Jingle jingle
                && jingle.action() == dev.starling.model.jingle.JingleAction.SESSION_INITIATE);
    }

    /**
     * A Jingle session-initiate (XEP-0234): acknowledged, and a file offer if it is one this
     * client can take; one whose file has no size or no name that can be written safely is ended
     * at once with {@code failed-application} instead of being left open.
     */
    private Mono<IncomingFile> jingleOffer(Iq initiate) {
        var fresh = dev.starling.machine.core.Fresh.drawnOnUse(java.time.Instant.now(), () -> client.token(96));
        return dev.starling.machine.jingle.JingleResponder.offer(initiate, client.jid(), 16 * 1024, fresh).fold(
                error -> client.send(error).then(Mono.<IncomingFile>empty()),
                step -> sendAll(step.outputs()).then(Mono.defer(() -> {
                    if (step.state().isEmpty()) {
                        return Mono.<IncomingFile>empty();
                    }
                    Option<OfferTerms> terms = OfferTerms.of(step.state().get(), client.jid(), fresh);
                    if (terms.isDefined()) {
                        return Mono.just(new IncomingFile(client, terms.get(), this::direct));
                    }
                    var refused = dev.starling.machine.jingle.JingleResponder.step(client.jid(), step.state().get(),
                            new dev.starling.machine.jingle.JingleResponder.Input.Abort(dev.starling.model.jingle.JingleReason.of(
                                    "failed-application", "the offer names no size or no file name that can be written safely")), fresh);
                    return sendAll(refused.outputs()).then(Mono.<IncomingFile>empty());
                })));
    }

    private Mono<Void> sendAll(Seq<dev.starling.machine.jingle.JingleResponder.Output> outputs) {
        return Flux.fromIterable(outputs).filter(dev.starling.machine.jingle.JingleResponder.Output.Send.class::isInstance)
                .concatMap(o -> client.send(((dev.starling.machine.jingle.JingleResponder.Output.Send) o).iq())).then();
    }

    /** This client's own streamhost on {@code host}, started once. */
    private synchronized DirectStreamhost direct(String host) {
        return directHosts.computeIfAbsent(host, DirectStreamhost::on);
    }

    /** The streamhosts to offer: this client's own first, then the server's proxies. */
    private Mono<Seq<Streamhost>> streamhosts(SendOptions options) {
        Mono<Seq<Streamhost>> own = Mono.fromCallable(() -> options.directHost()
                        .<Seq<Streamhost>>map(host -> Array.of(new Streamhost(client.jid(), host, direct(host).port()))).getOrElse(Array.empty()))
                .subscribeOn(Schedulers.boundedElastic());
        Mono<Seq<Streamhost>> servers = options.proxy() ? proxies : Mono.just(Array.empty());
        return own.zipWith(servers, (mine, theirs) -> mine.appendAll(theirs));
    }

    /** Stops this client's own streamhosts. */
    void close() {
        synchronized (this) {
            directHosts.values().forEach(DirectStreamhost::close);
            directHosts.clear();
        }
    }

    /**
     * Offers a URL out of band (XEP-0066 §2) and completes with what the recipient did: fetched
     * it, could not, or declined.
     */
    public Mono<dev.starling.machine.oob.OobExchange.Outcome> sendUrl(Jid to, String url, Option<String> desc) {
        return Mono.defer(() -> client.exchange(dev.starling.machine.oob.OobExchange.offer("oob-" + client.token(12), to, url, desc), IDLE))
                .map(dev.starling.machine.oob.OobExchange::outcome);
    }

    /** URLs offered out of band (XEP-0066 §2), each to fetch or reject; only http and https URLs reach the app (others are declined). */
    public Flux<IncomingUrl> urlOffers() {
        return urls;
    }

    /** Offers that arrive, each to accept (into a directory) or reject; subscribe to receive files. */
    public Flux<IncomingFile> offers() {
        return offers;
    }

    /** The hex MD5 of a file's content (XEP-0096 §4 'hash'), read on the calling thread. */
    static Mono<String> md5(Path file) {
        return Mono.fromCallable(() -> HexFormat.of().formatHex(digestOf(file, "MD5")));
    }

    /** The base64 SHA-256 of a file's content (XEP-0300), read on the calling thread. */
    static Mono<String> sha256(Path file) {
        return Mono.fromCallable(() -> java.util.Base64.getEncoder().encodeToString(digestOf(file, "SHA-256")));
    }

    private static byte[] digestOf(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** A digest every Java platform has (MD5, SHA-1, SHA-256). */
    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
