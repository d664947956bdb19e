package dev.starling.model.jingle;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <jingle/>} element (XEP-0166 §7.1).
 *
 * @param action    what it does
 * @param sid       the session id
 * @param initiator the initiator's full JID, on session-initiate
 * @param responder the responder's full JID, on session-accept
 * @param contents  the contents it concerns
 * @param reason    why, on session-terminate and some other actions
 * @param info      an informational payload (session-info) as it was received, kept as the element it is
 * @param checksum  the session-info payload read as a XEP-0234 checksum (§8.1), when it is one; written only
 *                  when there is no {@code info}
 */
public record Jingle(JingleAction action, String sid, Option<Jid> initiator, Option<Jid> responder, Seq<JingleContent> contents,
                     Option<JingleReason> reason, Option<dev.starling.model.element.Element> info, Option<Checksum> checksum)
        implements Extension {

    /** The Jingle namespace (XEP-0166 §7). */
    public static final String NAMESPACE = "urn:xmpp:jingle:1";
    /** The namespace of Jingle's error conditions (XEP-0166 §10). */
    public static final String ERRORS_NAMESPACE = "urn:xmpp:jingle:errors:1";

    public Jingle {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** A Jingle element with just an action, a session id and contents. */
    public static Jingle of(JingleAction action, String sid, Seq<JingleContent> contents) {
        return new Jingle(action, sid, Option.none(), Option.none(), contents, Option.none(), Option.none(), Option.none());
    }

    /** A session-info carrying the File Sender's checksum (XEP-0234 §8.1). */
    public static Jingle checksum(String sid, Checksum checksum) {
        return new Jingle(JingleAction.SESSION_INFO, sid, Option.none(), Option.none(), io.vavr.collection.Array.empty(), Option.none(),
                Option.none(), Option.some(checksum));
    }

    /** A session-terminate with this reason. */
    public static Jingle terminate(String sid, JingleReason reason) {
        return new Jingle(JingleAction.SESSION_TERMINATE, sid, Option.none(), Option.none(), io.vavr.collection.Array.empty(),
                Option.some(reason), Option.none(), Option.none());
    }

    /** The same element naming its initiator. */
    public Jingle withInitiator(Jid jid) {
        return new Jingle(action, sid, Option.some(jid), responder, contents, reason, info, checksum);
    }

    /** The same element naming its responder. */
    public Jingle withResponder(Jid jid) {
        return new Jingle(action, sid, initiator, Option.some(jid), contents, reason, info, checksum);
    }
}
