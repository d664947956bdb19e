package dev.starling.codec.blocking;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * XEP-0191 payloads: {@code <blocklist/>}, {@code <block/>} and {@code <unblock/>}, each with
 * {@code <item jid='...'/>} children. An item without a 'jid' is bad-request, an invalid one
 * jid-malformed (XEP-0191 §3.3: "other standard XMPP stanza errors also apply").
 */
public final class BlockingCodecs {

    private static final QName BLOCKLIST = QName.of(BlockingCommand.NAMESPACE, "blocklist");
    private static final QName BLOCK = QName.of(BlockingCommand.NAMESPACE, "block");
    private static final QName UNBLOCK = QName.of(BlockingCommand.NAMESPACE, "unblock");
    private static final QName ITEM = QName.of(BlockingCommand.NAMESPACE, "item");

    private BlockingCodecs() {
    }

    /** The registry with the three payloads added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withPayload(new FunctionalCodec<>(List.of(BLOCKLIST), BlockingCommand.BlockList.class,
                        (element, context) -> jids(element).map(BlockingCommand.BlockList::new), BlockingCodecs::encode))
                .withPayload(new FunctionalCodec<>(List.of(BLOCK), BlockingCommand.Block.class,
                        (element, context) -> jids(element).map(BlockingCommand.Block::new), BlockingCodecs::encode))
                .withPayload(new FunctionalCodec<>(List.of(UNBLOCK), BlockingCommand.Unblock.class,
                        (element, context) -> jids(element).map(BlockingCommand.Unblock::new), BlockingCodecs::encode));
    }

    private static Either<CodecError, Seq<Jid>> jids(Element element) {
        Array<Jid> jids = Array.empty();
        for (Element item : element.elements(ITEM)) {
            if (item.attribute("jid").isEmpty()) {
                return Either.left(CodecError.badRequest("a blocking item needs a 'jid' (XEP-0191 §3.3)"));
            }
            Either<?, Jid> jid = Jid.parse(item.attribute("jid").get());
            if (jid.isLeft()) {
                return Either.left(CodecError.jidMalformed("blocking item 'jid': " + jid.getLeft()));
            }
            jids = jids.append(jid.get());
        }
        return Either.right(jids);
    }

    private static Element encode(BlockingCommand command, dev.starling.codec.CodecContext context) {
        QName name = command instanceof BlockingCommand.BlockList ? BLOCKLIST : command instanceof BlockingCommand.Block ? BLOCK : UNBLOCK;
        Element.Builder builder = Element.builder(name);
        command.jids().forEach(jid -> builder.child(Element.builder(ITEM).attribute("jid", jid.toString()).build()));
        return builder.build();
    }
}
