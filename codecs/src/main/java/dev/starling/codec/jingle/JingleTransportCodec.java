package dev.starling.codec.jingle;

import dev.starling.codec.CodecError;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.JingleTransport;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

/**
 * The in-band transport of XEP-0261 (§3: 'block-size' and 'sid' required) and the SOCKS5
 * transport of XEP-0260 (§2: 'sid' required; candidates with 'cid', 'host', 'jid' and
 * 'priority'; the transport-info payloads candidate-used, candidate-error, activated and
 * proxy-error); any other transport is kept as its element.
 */
final class JingleTransportCodec {

    private static final String IBB = JingleTransport.Ibb.NAMESPACE;
    private static final String S5B = JingleTransport.Socks5.NAMESPACE;

    private JingleTransportCodec() {
    }

    static Either<CodecError, JingleTransport> decode(Element transport) {
        Option<String> sid = transport.attribute("sid").filter(s -> !s.isEmpty());
        if (transport.namespace().equals(IBB)) {
            Option<Integer> blockSize = transport.attribute("block-size").flatMap(b -> Try.of(() -> Integer.parseInt(b)).toOption())
                    .filter(b -> b > 0 && b <= 65535);
            return sid.isEmpty() || blockSize.isEmpty()
                    ? Either.left(CodecError.badRequest("an IBB transport has a 'sid' and a 'block-size' of 1 to 65535 (XEP-0261 §3)"))
                    : Either.right(new JingleTransport.Ibb(blockSize.get(), sid.get()));
        }
        if (!transport.namespace().equals(S5B)) {
            return Either.right(new JingleTransport.Other(transport));
        }
        if (sid.isEmpty()) {
            return Either.left(CodecError.badRequest("a SOCKS5 transport has a 'sid' (XEP-0260 §2)"));
        }
        Seq<Either<CodecError, JingleTransport.Candidate>> candidates = transport.elements().filter(e -> e.is(S5B, "candidate"))
                .map(JingleTransportCodec::candidate);
        Option<CodecError> bad = candidates.find(Either::isLeft).map(Either::getLeft);
        if (bad.isDefined()) {
            return Either.left(bad.get());
        }
        return Either.right(new JingleTransport.Socks5(sid.get(), transport.attribute("dstaddr"), transport.attribute("mode"),
                candidates.map(Either::get), transport.element(S5B, "candidate-used").flatMap(e -> e.attribute("cid")),
                transport.element(S5B, "candidate-error").isDefined(), transport.element(S5B, "activated").flatMap(e -> e.attribute("cid")),
                transport.element(S5B, "proxy-error").isDefined()));
    }

    private static Either<CodecError, JingleTransport.Candidate> candidate(Element candidate) {
        Option<String> cid = candidate.attribute("cid");
        Option<String> host = candidate.attribute("host");
        Option<Jid> jid = candidate.attribute("jid").flatMap(j -> Jid.parse(j).toOption());
        Option<Long> priority = candidate.attribute("priority").flatMap(p -> Try.of(() -> Long.parseLong(p)).toOption());
        Option<String> portText = candidate.attribute("port");
        Option<Integer> port = portText.flatMap(p -> Try.of(() -> Integer.parseInt(p)).toOption()).filter(p -> p > 0 && p <= 65535);
        if (cid.isEmpty() || host.isEmpty() || jid.isEmpty() || priority.isEmpty() || portText.isDefined() && port.isEmpty()) {
            return Either.left(CodecError.badRequest("a candidate has a 'cid', a 'host', a 'jid', a 'priority' and a valid 'port' (XEP-0260 §2.2)"));
        }
        return Either.right(new JingleTransport.Candidate(cid.get(), host.get(), jid.get(), port, priority.get(),
                candidate.attribute("type").getOrElse("direct")));
    }

    static Element encode(JingleTransport transport) {
        if (transport instanceof JingleTransport.Other other) {
            return other.element();
        }
        if (transport instanceof JingleTransport.Ibb ibb) {
            return Element.of(IBB, "transport").withAttribute("block-size", Integer.toString(ibb.blockSize())).withAttribute("sid", ibb.sid());
        }
        JingleTransport.Socks5 s5b = (JingleTransport.Socks5) transport;
        Element element = Element.of(S5B, "transport").withAttribute("dstaddr", s5b.dstaddr()).withAttribute("mode", s5b.mode())
                .withAttribute("sid", s5b.sid());
        for (JingleTransport.Candidate c : s5b.candidates()) {
            element = element.withChild(Element.of(S5B, "candidate").withAttribute("cid", c.cid()).withAttribute("host", c.host())
                    .withAttribute("jid", c.jid().toString()).withAttribute("port", c.port().map(String::valueOf))
                    .withAttribute("priority", Long.toString(c.priority())).withAttribute("type", c.type()));
        }
        if (s5b.candidateUsed().isDefined()) {
            element = element.withChild(Element.of(S5B, "candidate-used").withAttribute("cid", s5b.candidateUsed().get()));
        }
        if (s5b.candidateError()) {
            element = element.withChild(Element.of(S5B, "candidate-error"));
        }
        if (s5b.activated().isDefined()) {
            element = element.withChild(Element.of(S5B, "activated").withAttribute("cid", s5b.activated().get()));
        }
        return s5b.proxyError() ? element.withChild(Element.of(S5B, "proxy-error")) : element;
    }
}
