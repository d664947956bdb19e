package dev.starling.machine.im;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.im.LastActivity;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * XEP-0012 last activity of an account, answered by its server for the bare JID (§4, the
 * offline user query). The account's last activity is the moment its last available resource went
 * offline, by sending unavailable presence (with that presence's status) or by losing its
 * session; it is kept with the account's data. A contact without a subscription to the account's
 * presence gets forbidden (§4, §8: no presence leak); with a resource connected the answer is 0
 * seconds (§4); an account that has never been offline since Starling began recording has no
 * last activity, item-not-found.
 */
final class LastActivityFlows {

    /** The account data key of the record. */
    static final String KEY = "last";
    private static final QName RECORD = QName.of("urn:xmpp:starling:last:0", "last");

    private LastActivityFlows() {
    }

    /** Whether an IQ is a last activity query this server answers for the account: a get to the bare JID. */
    static boolean handles(Iq iq) {
        return iq.type() == IqType.GET && iq.to().exists(to -> to.isBare()) && iq.payload().exists(LastActivity.class::isInstance);
    }

    /** The answer to a query from another entity (or the account itself). */
    static Seq<AccountOutput> answer(AccountState state, Iq request, Instant now) {
        boolean allowed = request.from().exists(from -> from.bare().equals(state.account())
                || state.roster().subscription(from.bare()).state().from());
        if (!allowed) {
            return refused(request, StanzaErrorCondition.FORBIDDEN, "only subscribers may see the account's last activity");
        }
        if (!state.connected().isEmpty()) {
            return Array.of(new AccountOutput.ToContact(StanzaReplies.result(request, new LastActivity(Option.some(0L), Option.none()))));
        }
        return state.data().get(KEY).map(record -> (Seq<AccountOutput>) Array.<AccountOutput>of(new AccountOutput.ToContact(StanzaReplies.result(request,
                        new LastActivity(Option.some(Math.max(0, Duration.between(Instant.parse(record.attribute("stamp").get()), now).toSeconds())),
                                Option.some(record.text()).filter(text -> !text.isEmpty()))))))
                .getOrElse(() -> refused(request, StanzaErrorCondition.ITEM_NOT_FOUND, "no last activity is recorded for the account"));
    }

    /** When the account's last available resource went offline, if that is recorded. */
    static Option<Instant> since(AccountState state) {
        return state.data().get(KEY).flatMap(record -> record.attribute("stamp")).map(Instant::parse);
    }

        /** The account just went offline: the record to keep and store. */
    static io.vavr.Tuple2<AccountState, AccountOutput> recorded(AccountState state, Instant at, Option<String> status) {
        Element record = Element.builder(RECORD).attribute("stamp", at.toString()).text(status.getOrElse("")).build();
        return io.vavr.Tuple.of(state.withData(state.data().put(KEY, record)), new AccountOutput.StoreData(KEY, Option.some(record)));
    }

    private static Seq<AccountOutput> refused(Iq request, StanzaErrorCondition condition, String text) {
        return StanzaReplies.error(request, StanzaError.of(condition).withText(text)).<AccountOutput>map(AccountOutput.ToContact::new).toList();
    }
}
