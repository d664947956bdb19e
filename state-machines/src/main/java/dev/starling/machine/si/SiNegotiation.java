package dev.starling.machine.si;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.si.FileNames;
import dev.starling.model.si.FileTransfer;
import dev.starling.model.si.Range;
import dev.starling.model.si.StreamInitiation;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The one exchange of XEP-0095 stream initiation with the XEP-0096 profile, both sides, as pure
 * functions:
 *
 * <ul>
 *   <li>the sender's offer: the file, and the stream methods in its order of preference in a
 *       XEP-0020 {@code list-single} form (§3.2);</li>
 *   <li>the receiver's reading of an offer: another profile is {@code bad-profile}, an offer
 *       without id, file name or size is {@code bad-request}, an offer of no method the receiver
 *       supports is {@code no-valid-streams} (each with the spec's {@code bad-request} and legacy
 *       code 400, Examples 6 and 7); the name is cut to a safe file name ({@link FileNames});</li>
 *   <li>the receiver's answer: the first method of its own order that the sender offered, with a
 *       XEP-0096 range if it wants part of the file, or {@code forbidden} "Offer Declined"
 *       (Example 8);</li>
 *   <li>the sender's reading of the answer: the chosen method, which must be one it offered.</li>
 * </ul>
 */
public final class SiNegotiation {

    private SiNegotiation() {
    }

    /**
     * A valid offer, as the receiver sees it.
     *
     * @param sid      the stream id
     * @param from     the sender
     * @param file     the file offered
     * @param safeName the name to store it under
     * @param methods  the methods offered that the receiver supports, in the receiver's order
     */
    public record Offer(String sid, Jid from, FileTransfer file, String safeName, Seq<String> methods) {
        public Offer {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(methods, "methods");
        }

        /** The file's size in bytes. */
        public long size() {
            return file.size().get();
        }
    }

    /** Why a sender's offer did not lead to a stream. */
    public enum Refusal {
        /** The receiver declined (forbidden). */
        DECLINED,
        /** No method in common (no-valid-streams). */
        NO_VALID_STREAMS,
        /** The receiver does not know the profile (bad-profile). */
        BAD_PROFILE,
        /** Any other error, or an answer naming a method that was not offered. */
        FAILED
    }

    /**
     * What the receiver accepted.
     *
     * @param method the stream method
     * @param range  the part of the file it wants, if not all
     */
    public record Accepted(String method, Option<Range> range) {
    }

    /** The sender's offer. */
    public static Iq offer(String iqId, Jid to, String sid, FileTransfer file, Option<String> mimeType, Seq<String> methods) {
        return new Iq(IqType.SET, iqId, Option.none(), Option.some(to), Option.none(),
                Array.of(StreamInitiation.offer(sid, mimeType, file, methods)));
    }

    /** The receiver's reading of an offer: the offer, or the error to answer with. */
    public static Either<Iq, Offer> read(Iq iq, Seq<String> supported) {
        Option<StreamInitiation> si = iq.payload().filter(StreamInitiation.class::isInstance).map(StreamInitiation.class::cast);
        if (si.isEmpty() || iq.type() != IqType.SET || iq.from().isEmpty()) {
            return Either.left(error(iq, StanzaErrorCondition.BAD_REQUEST, Option.none(), "not a stream initiation offer"));
        }
        StreamInitiation offer = si.get();
        if (!offer.profile().contains(FileTransfer.NAMESPACE)) {
            return Either.left(error(iq, StanzaErrorCondition.BAD_REQUEST, Option.some("bad-profile"), ""));
        }
        Option<FileTransfer> file = offer.file().filter(f -> f.name().isDefined() && f.size().isDefined());
        if (offer.id().isEmpty() || file.isEmpty()) {
            return Either.left(error(iq, StanzaErrorCondition.BAD_REQUEST, Option.none(), "an offer has an id, a file name and a size (XEP-0096 §4)"));
        }
        Option<String> safeName = FileNames.safe(file.get().name().get());
        if (safeName.isEmpty()) {
            return Either.left(error(iq, StanzaErrorCondition.BAD_REQUEST, Option.none(), "the file name leaves no safe name"));
        }
        Seq<String> methods = supported.filter(offer.offeredMethods()::contains);
        if (methods.isEmpty()) {
            return Either.left(error(iq, StanzaErrorCondition.BAD_REQUEST, Option.some("no-valid-streams"), ""));
        }
        return Either.right(new Offer(offer.id().get(), iq.from().get(), file.get(), safeName.get(), methods));
    }

    /** The receiver's acceptance: its first supported method, and the range it wants if any. */
    public static Iq accept(Iq offerIq, Offer offer, Option<Range> range) {
        return StanzaReplies.result(offerIq, StreamInitiation.accept(offer.methods().head(), range.map(r -> FileTransfer.accepting(Option.some(r)))));
    }

    /** The receiver's refusal (Example 8). */
    public static Iq decline(Iq offerIq) {
        return StanzaReplies.errorWithoutPayload(offerIq, new StanzaError(StanzaErrorType.CANCEL, StanzaErrorCondition.FORBIDDEN,
                Option.none(), Option.some(dev.starling.model.LocalizedText.of("Offer Declined")), Option.none(), Option.none(),
                Option.some("403")));
    }

    /** The sender's reading of the answer to its offer of {@code offered}. */
    public static Either<Refusal, Accepted> answer(Iq answer, Seq<String> offered) {
        if (answer.type() == IqType.ERROR) {
            Option<StanzaError> error = answer.error();
            Option<String> application = error.flatMap(StanzaError::applicationCondition).map(Element::localName);
            if (error.exists(e -> e.condition() == StanzaErrorCondition.FORBIDDEN)) {
                return Either.left(Refusal.DECLINED);
            }
            return Either.left(application.contains("no-valid-streams") ? Refusal.NO_VALID_STREAMS
                    : application.contains("bad-profile") ? Refusal.BAD_PROFILE : Refusal.FAILED);
        }
        Option<StreamInitiation> si = answer.payload().filter(StreamInitiation.class::isInstance).map(StreamInitiation.class::cast);
        Option<String> method = si.flatMap(StreamInitiation::chosenMethod).filter(offered::contains);
        if (answer.type() != IqType.RESULT || method.isEmpty()) {
            return Either.left(Refusal.FAILED);
        }
        return Either.right(new Accepted(method.get(), si.flatMap(StreamInitiation::file).flatMap(FileTransfer::range)));
    }

    private static Iq error(Iq iq, StanzaErrorCondition condition, Option<String> siCondition, String text) {
        StanzaError error = new StanzaError(StanzaErrorType.CANCEL, condition, Option.none(),
                text.isEmpty() ? Option.none() : Option.some(dev.starling.model.LocalizedText.of(text)), Option.none(),
                siCondition.map(name -> Element.builder(QName.of(StreamInitiation.NAMESPACE, name)).build()), Option.some("400"));
        return StanzaReplies.errorWithoutPayload(iq, error);
    }
}
