package dev.starling.codec.ibb;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.Bytes;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.ibb.InBandBytestream;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Base64;

/**
 * XEP-0047's {@code <open/>}, {@code <data/>} and {@code <close/>}. A missing or malformed
 * 'block-size' (above 65535 included), 'seq' or 'sid', an unknown 'stanza', and data that is not
 * strict RFC 4648 §4 base64 are bad-request (XEP-0047 §2.2, §8: characters outside the alphabet and
 * padding anywhere but at the end are refused, not skipped). Whitespace between base64 characters
 * is XML formatting, as in the spec's own examples, and is ignored. Data is written without line
 * breaks.
 */
public final class IbbCodecs {

    private static final QName OPEN = QName.of(InBandBytestream.NAMESPACE, "open");
    private static final QName DATA = QName.of(InBandBytestream.NAMESPACE, "data");
    private static final QName CLOSE = QName.of(InBandBytestream.NAMESPACE, "close");

    private IbbCodecs() {
    }

    /** The registry with the three elements added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(OPEN, DATA, CLOSE), InBandBytestream.class,
                IbbCodecs::decode, IbbCodecs::encode));
    }

    private static Either<CodecError, InBandBytestream> decode(Element element, CodecContext context) {
        Option<String> sid = element.attribute("sid").filter(s -> !s.isEmpty());
        if (sid.isEmpty()) {
            return Either.left(CodecError.badRequest("<" + element.localName() + "/> needs a 'sid' (XEP-0047 §2)"));
        }
        if (element.name().equals(CLOSE)) {
            return Either.right(new InBandBytestream.Close(sid.get()));
        }
        if (element.name().equals(OPEN)) {
            Option<Integer> blockSize = unsigned16(element.attribute("block-size")).filter(size -> size > 0);
            if (blockSize.isEmpty()) {
                return Either.left(CodecError.badRequest("'block-size' is required, 1 to 65535 (XEP-0047 §2.1)"));
            }
            String stanza = element.attribute("stanza").getOrElse("iq");
            if (!stanza.equals("iq") && !stanza.equals("message")) {
                return Either.left(CodecError.badRequest("'stanza' is 'iq' or 'message', not '" + stanza + "' (XEP-0047 §2.1)"));
            }
            return Either.right(new InBandBytestream.Open(blockSize.get(), sid.get(),
                    stanza.equals("iq") ? InBandBytestream.Carrier.IQ : InBandBytestream.Carrier.MESSAGE));
        }
        Option<Integer> seq = unsigned16(element.attribute("seq"));
        if (seq.isEmpty()) {
            return Either.left(CodecError.badRequest("'seq' is required, 0 to 65535 (XEP-0047 §2.2)"));
        }
        return base64(element.text()).map(bytes -> new InBandBytestream.Data(seq.get(), sid.get(), bytes));
    }

    private static Option<Integer> unsigned16(Option<String> value) {
        return value.filter(v -> !v.isEmpty() && v.length() <= 5 && v.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(Integer::parseInt).filter(v -> v <= InBandBytestream.MAX_UNSIGNED_16);
    }

    private static Either<CodecError, Bytes> base64(String text) {
        if (text.length() % 4 != 0) {
            return base64WithoutWhitespace(text); // whitespace, or unpadded data, which the JDK would accept and §4 does not
        }
        try {
            return Either.right(Bytes.wrapOwned(Base64.getDecoder().decode(text))); // the common case: no whitespace at all (Starling writes none)
        } catch (IllegalArgumentException formattedOrBad) {
            return base64WithoutWhitespace(text); // line breaks or indentation, as in the spec's examples; or not base64
        }
    }

    private static Either<CodecError, Bytes> base64WithoutWhitespace(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        if (compact.length() % 4 != 0) {
            return Either.left(CodecError.badRequest("the data is not base64 in blocks of four characters (RFC 4648 §4, XEP-0047 §2.2)"));
        }
        try {
            return Either.right(Bytes.wrapOwned(Base64.getDecoder().decode(compact.toString())));
        } catch (IllegalArgumentException e) {
            return Either.left(CodecError.badRequest("the data is not RFC 4648 §4 base64: " + e.getMessage() + " (XEP-0047 §8)"));
        }
    }

    private static Element encode(InBandBytestream ibb, CodecContext context) {
        if (ibb instanceof InBandBytestream.Open open) {
            return Element.builder(OPEN).attribute("block-size", Integer.toString(open.blockSize())).attribute("sid", open.sid())
                    .attribute("stanza", open.carrier() == InBandBytestream.Carrier.IQ ? "iq" : "message").build();
        }
        if (ibb instanceof InBandBytestream.Data data) {
            return Element.builder(DATA).attribute("seq", Integer.toString(data.seq())).attribute("sid", data.sid())
                    .text(new String(Base64.getEncoder().encode(data.bytes().asReadOnlyBuffer()).array(), java.nio.charset.StandardCharsets.ISO_8859_1)).build();
        }
        return Element.builder(CLOSE).attribute("sid", ibb.sid()).build();
    }
}
