package dev.starling.machine.oob;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.oob.OutOfBand;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The request-response of XEP-0066 §2: the sender offers a URL in an IQ set; the recipient
 * fetches it and answers with an empty result (Example 2), with {@code item-not-found} when the
 * URL could not be fetched (Example 3) or with {@code not-acceptable} when it declines
 * (Example 4). Both errors echo the query and carry the legacy codes 404 and 406, as the
 * examples do. Pure functions of the stanzas.
 */
public final class OobExchange {

    private OobExchange() {
    }

    /** What the sender learns from the answer. */
    public enum Outcome {
        /** The recipient fetched the URL. */
        FETCHED,
        /** The recipient could not fetch it. */
        NOT_FOUND,
        /** The recipient declined. */
        REJECTED,
        /** Another error, such as service-unavailable from a client that does not do XEP-0066. */
        FAILED
    }

    /** The sender's offer of {@code url} to {@code to} (Example 1). */
    public static Iq offer(String iqId, Jid to, String url, Option<String> desc) {
        return new Iq(IqType.SET, iqId, Option.none(), Option.some(to), Option.none(),
                Array.of(new OutOfBand.Query(url, desc, Option.none())));
    }

    /** The sender's reading of the answer. */
    public static Outcome outcome(Iq answer) {
        if (answer.type() == IqType.RESULT) {
            return Outcome.FETCHED;
        }
        StanzaErrorCondition condition = answer.error().map(StanzaError::condition).getOrElse(StanzaErrorCondition.UNDEFINED_CONDITION);
        return condition == StanzaErrorCondition.ITEM_NOT_FOUND ? Outcome.NOT_FOUND
                : condition == StanzaErrorCondition.NOT_ACCEPTABLE ? Outcome.REJECTED : Outcome.FAILED;
    }

    /** The recipient's reading of a request: the query, or the error to answer (not a set, or no URL the recipient may fetch). */
    public static Either<Iq, OutOfBand.Query> read(Iq request, io.vavr.collection.Set<String> schemes) {
        Option<OutOfBand.Query> query = request.payload().filter(OutOfBand.Query.class::isInstance).map(OutOfBand.Query.class::cast);
        if (request.type() != IqType.SET || query.isEmpty()) {
            return Either.left(StanzaReplies.errorWithoutPayload(request, StanzaError.of(StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST)));
        }
        String url = query.get().url();
        int colon = url.indexOf(':');
        if (colon < 1 || !schemes.contains(url.substring(0, colon).toLowerCase(java.util.Locale.ROOT))) {
            return Either.left(reject(request)); // a scheme the recipient does not fetch: declined, not tried
        }
        return Either.right(query.get());
    }

    /** Fetched (Example 2). */
    public static Iq fetched(Iq request) {
        return StanzaReplies.result(request);
    }

    /** Could not be fetched (Example 3). */
    public static Iq notFound(Iq request) {
        return error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND, "404");
    }

    /** Declined (Example 4). */
    public static Iq reject(Iq request) {
        return error(request, StanzaErrorType.MODIFY, StanzaErrorCondition.NOT_ACCEPTABLE, "406");
    }

    private static Iq error(Iq request, StanzaErrorType type, StanzaErrorCondition condition, String code) {
        StanzaError error = new StanzaError(type, condition, Option.none(), Option.none(), Option.none(), Option.none(), Option.some(code));
        return (Iq) StanzaReplies.error(request, error).get();
    }
}
