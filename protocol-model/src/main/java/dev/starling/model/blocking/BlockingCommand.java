package dev.starling.model.blocking;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The three payloads of XEP-0191 ({@code urn:xmpp:blocking}), each a list of JIDs.
 */
public sealed interface BlockingCommand extends Extension {

    /** The namespace. */
    String NAMESPACE = "urn:xmpp:blocking";
    /** The namespace of the {@code <blocked/>} application error condition (XEP-0191 §3.3). */
    String ERRORS_NAMESPACE = "urn:xmpp:blocking:errors";

    /** The JIDs the command carries. */
    Seq<Jid> jids();

    /**
     * {@code <blocklist/>}: empty in a get, every blocked JID in the result (XEP-0191 §3.2).
     *
     * @param jids the blocked JIDs
     */
    record BlockList(Seq<Jid> jids) implements BlockingCommand {
        public BlockList {
            Objects.requireNonNull(jids, "jids");
        }
    }

    /**
     * {@code <block/>}: the JIDs to block, at least one (XEP-0191 §3.3); also the push.
     *
     * @param jids the JIDs
     */
    record Block(Seq<Jid> jids) implements BlockingCommand {
        public Block {
            Objects.requireNonNull(jids, "jids");
        }
    }

    /**
     * {@code <unblock/>}: the JIDs to unblock, or none to unblock everyone (XEP-0191 §3.4, §3.5); also the push.
     *
     * @param jids the JIDs
     */
    record Unblock(Seq<Jid> jids) implements BlockingCommand {
        public Unblock {
            Objects.requireNonNull(jids, "jids");
        }
    }
}
