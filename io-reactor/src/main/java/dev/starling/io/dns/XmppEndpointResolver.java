package dev.starling.io.dns;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Finds where to connect for an XMPP domain (RFC 6120 §3.2, XEP-0368 §3): looks up the
 * {@code _xmpp-client._tcp} and {@code _xmpps-client._tcp} SRV records of the domain's A-label form at the
 * same time with Netty's asynchronous {@link DnsNameResolver}, then merges and orders them with
 * {@link SrvOrdering} (RFC 2782, with {@link ThreadLocalRandom}). A failed lookup counts as one without
 * records, so with neither lookup answering, the result is the fallback (domain, 5222, STARTTLS) of
 * RFC 6120 §3.2.2. Never blocks; close it to release its UDP socket.
 */
public final class XmppEndpointResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppEndpointResolver.class);
    private static final String STARTTLS_SERVICE = "_xmpp-client._tcp.";
    private static final String DIRECT_TLS_SERVICE = "_xmpps-client._tcp.";

    private final DnsNameResolver resolver;

    private XmppEndpointResolver(DnsNameResolver resolver) {
        this.resolver = resolver;
    }

    /** A resolver asking as {@code settings} say, on an event loop of {@code loops} (e.g. reactor-netty's). */
    public static XmppEndpointResolver create(DnsSettings settings, LoopResources loops) {
        EventLoopGroup group = loops.onClient(true);
        DnsNameResolverBuilder builder = new DnsNameResolverBuilder(group.next())
                .datagramChannelType(loops.onChannelClass(DatagramChannel.class, group))
                .socketChannelType(loops.onChannelClass(SocketChannel.class, group))
                .queryTimeoutMillis(settings.queryTimeout().toMillis())
                .searchDomains(java.util.List.of())
                .ndots(1)
                .nameServerProvider(settings.server()
                        .<DnsServerAddressStreamProvider>map(SingletonDnsServerAddressStreamProvider::new)
                        .getOrElse(DnsServerAddressStreamProviders::platformDefault));
        return new XmppEndpointResolver(builder.build());
    }

    /**
     * The endpoints of {@code domain} in the order to try them; empty if the domain says the service is not
     * available. An IP literal (IPv6 in brackets, as in a JID, RFC 7622 §3.2) is used as it is, without SRV
     * (RFC 6120 §3.2.3). An invalid domain name gives an error.
     */
    public Mono<Seq<XmppEndpoint>> resolve(String domain) {
        String unbracketed = domain.startsWith("[") && domain.endsWith("]")
                ? domain.substring(1, domain.length() - 1)
                : domain;
        if (NetUtil.isValidIpV4Address(unbracketed) || NetUtil.isValidIpV6Address(unbracketed)) {
            return Mono.just(List.of(new XmppEndpoint(unbracketed, SrvOrdering.DEFAULT_CLIENT_PORT, false)));
        }
        return DomainNames.toAscii(domain)
                .map(ascii -> Mono.zip(lookup(STARTTLS_SERVICE + ascii, false), lookup(DIRECT_TLS_SERVICE + ascii, true))
                        .map(both -> SrvOrdering.endpoints(ascii, both.getT1(), both.getT2(),
                                bound -> ThreadLocalRandom.current().nextInt(bound + 1))))
                .getOrElse(() -> Mono.error(new IllegalArgumentException("not a domain name: " + domain)));
    }

    /** Releases the resolver's socket. */
    @Override
    public void close() {
        resolver.close();
    }

    private Mono<Seq<SrvRecord>> lookup(String name, boolean directTls) {
        return Mono.<Seq<SrvRecord>>create(sink -> {
                    Future<java.util.List<DnsRecord>> query =
                            resolver.resolveAll(new DefaultDnsQuestion(name, DnsRecordType.SRV));
                    query.addListener(done -> {
                        if (done.isSuccess()) {
                            sink.success(parseAndRelease(query.getNow(), directTls));
                        } else {
                            sink.error(done.cause());
                        }
                    });
                    sink.onCancel(() -> query.cancel(false));
                })
                .onErrorResume(error -> {
                    LOG.debug("SRV lookup of {} failed: {}", name, error.toString());
                    return Mono.just(List.empty());
                });
    }

    private static Seq<SrvRecord> parseAndRelease(java.util.List<DnsRecord> records, boolean directTls) {
        try {
            return List.ofAll(records)
                    .filter(record -> record.type() == DnsRecordType.SRV && record instanceof DnsRawRecord)
                    .flatMap(record -> parse(((DnsRawRecord) record).content(), directTls));
        } finally {
            records.forEach(ReferenceCountUtil::release);
        }
    }

    /** RFC 2782 RDATA: priority, weight, port (16 bits each), then the target name, possibly compressed. */
    private static List<SrvRecord> parse(ByteBuf content, boolean directTls) {
        ByteBuf data = content.duplicate();
        if (data.readableBytes() < 7) {
            return List.empty();
        }
        int priority = data.readUnsignedShort();
        int weight = data.readUnsignedShort();
        int port = data.readUnsignedShort();
        String target = DefaultDnsRecordDecoder.decodeName(data);
        String host = target.length() > 1 && target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
        return List.of(new SrvRecord(priority, weight, port, host, directTls));
    }
}
