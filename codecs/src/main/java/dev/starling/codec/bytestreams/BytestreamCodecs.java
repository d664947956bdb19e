package dev.starling.codec.bytestreams;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0065's {@code <query/>}. A streamhost without a valid 'jid', a 'host' or a 'port' of 1 to
 * 65535 (§5.3.1: all three are required), a 'mode' other than "tcp" or "udp", and an unparsable
 * {@code <streamhost-used/>} or {@code <activate/>} JID are bad-request (§5.3.1: a malformed request
 * gets bad-request). Zeroconf streamhosts (deprecated) are refused with them.
 */
public final class BytestreamCodecs {

    private static final String NS = BytestreamQuery.NAMESPACE;
    private static final QName QUERY = QName.of(NS, "query");
    private static final QName STREAMHOST = QName.of(NS, "streamhost");
    private static final QName USED = QName.of(NS, "streamhost-used");
    private static final QName ACTIVATE = QName.of(NS, "activate");

    private BytestreamCodecs() {
    }

    /** The registry with the query added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(QUERY), BytestreamQuery.class,
                BytestreamCodecs::decode, BytestreamCodecs::encode));
    }

    private static Either<CodecError, BytestreamQuery> decode(Element query, CodecContext context) {
        String mode = query.attribute("mode").getOrElse("tcp");
        if (!mode.equals("tcp") && !mode.equals("udp")) {
            return Either.left(CodecError.badRequest("'mode' is 'tcp' or 'udp' (XEP-0065 §5.3.1)"));
        }
        Array<Streamhost> hosts = Array.empty();
        for (Element child : query.elements().filter(e -> e.name().equals(STREAMHOST))) {
            Option<Jid> jid = child.attribute("jid").flatMap(j -> Jid.parse(j).toOption());
            Option<Integer> port = child.attribute("port").filter(p -> p.matches("[0-9]{1,5}")).map(Integer::parseInt)
                    .filter(p -> p >= 1 && p <= 65535);
            Option<String> host = child.attribute("host").filter(h -> !h.isEmpty());
            if (jid.isEmpty() || port.isEmpty() || host.isEmpty()) {
                return Either.left(CodecError.badRequest("a <streamhost/> needs a 'jid', a 'host' and a 'port' (XEP-0065 §5.3.1)"));
            }
            hosts = hosts.append(new Streamhost(jid.get(), host.get(), port.get()));
        }
        Option<Element> used = query.elements().find(e -> e.name().equals(USED));
        Option<Jid> usedJid = used.flatMap(u -> u.attribute("jid")).flatMap(j -> Jid.parse(j).toOption());
        if (used.isDefined() && usedJid.isEmpty()) {
            return Either.left(CodecError.badRequest("<streamhost-used/> needs a valid 'jid' (XEP-0065 §5.3.3)"));
        }
        Option<Element> activate = query.elements().find(e -> e.name().equals(ACTIVATE));
        Option<Jid> target = activate.flatMap(a -> Jid.parse(a.text().strip()).toOption());
        if (activate.isDefined() && target.isEmpty()) {
            return Either.left(CodecError.badRequest("<activate/> holds the target's JID (XEP-0065 §6.3.5)"));
        }
        return Either.right(new BytestreamQuery(query.attribute("sid").filter(s -> !s.isEmpty()), mode, query.attribute("dstaddr"),
                hosts, usedJid, target));
    }

    private static Element encode(BytestreamQuery query, CodecContext context) {
        Element.Builder builder = Element.builder(QUERY);
        query.dstaddr().forEach(d -> builder.attribute("dstaddr", d));
        if (!query.mode().equals("tcp")) {
            builder.attribute("mode", query.mode());
        }
        query.sid().forEach(sid -> builder.attribute("sid", sid));
        for (Streamhost host : query.streamhosts()) {
            builder.child(Element.builder(STREAMHOST).attribute("jid", host.jid().toString()).attribute("host", host.host())
                    .attribute("port", Integer.toString(host.port())).build());
        }
        query.used().forEach(jid -> builder.child(Element.builder(USED).attribute("jid", jid.toString()).build()));
        query.activate().forEach(jid -> builder.child(Element.builder(ACTIVATE).text(jid.toString()).build()));
        return builder.build();
    }
}
