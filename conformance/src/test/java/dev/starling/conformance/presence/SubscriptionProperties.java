package dev.starling.conformance.presence;

import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionOutcome;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.presence.SubscriptionType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts, user and contact, each with its server's view of the other (RFC 6121 Appendix A),
 * over random sequences of subscription stanzas from both sides, delivered at once: whatever is
 * sent, the two views never contradict each other. The user receives the contact's presence
 * exactly when the contact sends it ("to" on one side is "from" on the other), and a request is
 * pending out on one side exactly when it is pending in on the other. Pre-approvals (§3.4) are on
 * or off per run. With stanzas in flight (each side's server may send before the other's last
 * stanza arrives, so stanzas cross), the views can disagree for a while, as the RFC allows; but
 * no server ever grants a subscription its user did not approve, and once everything has arrived,
 * the probes of the next login (§4.3.2: a probe from someone not subscribed is answered
 * "unsubscribed") leave no side expecting presence the other does not send.
 */
class SubscriptionProperties {

    /** One step of a run with stanzas in flight: a side sends one, or the oldest one travelling to a side arrives. */
    sealed interface Step permits Send, Arrive {
    }

    /** One stanza: who sends it and its type. */
    record Send(boolean byUser, SubscriptionType type) implements Step {
    }

    /** The oldest stanza travelling to the user (or to the contact) arrives, if there is one. */
    record Arrive(boolean toUser) implements Step {
    }

    @Property(tries = 2000)
    void theTwoViewsNeverContradictEachOther(@ForAll("exchanges") List<Send> exchanges, @ForAll boolean preApprovals) {
        Subscription[] views = {Subscription.NONE, Subscription.NONE}; // [0] the user's view of the contact, [1] the contact's of the user
        for (Send send : exchanges) {
            int sender = send.byUser() ? 0 : 1;
            int receiver = 1 - sender;
            SubscriptionOutcome out = views[sender].outbound(send.type(), preApprovals);
            views[sender] = out.next();
            if (out.forward()) {
                SubscriptionOutcome in = views[receiver].inbound(send.type());
                views[receiver] = in.next();
                if (in.autoReply().isDefined()) { // the receiver's server answers on its behalf
                    views[sender] = views[sender].inbound(in.autoReply().get()).next();
                }
            }
            SubscriptionState user = views[0].state();
            SubscriptionState contact = views[1].state();
            assertThat(user.to()).as("%s / %s after %s", user.label(), contact.label(), send).isEqualTo(contact.from());
            assertThat(user.from()).as("%s / %s after %s", user.label(), contact.label(), send).isEqualTo(contact.to());
            assertThat(user.pendingOut()).as("%s / %s after %s", user.label(), contact.label(), send).isEqualTo(contact.pendingIn());
            assertThat(user.pendingIn()).as("%s / %s after %s", user.label(), contact.label(), send).isEqualTo(contact.pendingOut());
        }
    }

    @Property(tries = 2000)
    void withStanzasCrossingNoSubscriptionIsInventedAndProbesRepairPresence(@ForAll("crossing") List<Step> steps, @ForAll boolean preApprovals) {
        Subscription[] views = {Subscription.NONE, Subscription.NONE};
        boolean[] approved = {false, false}; // whether each side ever sent "subscribed"
        List<ArrayDeque<SubscriptionType>> travelling = List.of(new ArrayDeque<>(), new ArrayDeque<>()); // by receiver
        for (Step step : steps) {
            if (step instanceof Send send) {
                int sender = send.byUser() ? 0 : 1;
                approved[sender] |= send.type() == SubscriptionType.SUBSCRIBED;
                SubscriptionOutcome out = views[sender].outbound(send.type(), preApprovals);
                views[sender] = out.next();
                if (out.forward()) {
                    travelling.get(1 - sender).add(send.type());
                }
            } else {
                arrive(views, travelling, ((Arrive) step).toUser() ? 0 : 1);
            }
            for (int side = 0; side < 2; side++) {
                assertThat(!views[side].state().from() || approved[side]).as("side %d grants a subscription it never approved, after %s", side, step).isTrue();
            }
        }
        for (int rounds = 0; !travelling.get(0).isEmpty() || !travelling.get(1).isEmpty(); rounds++) {
            assertThat(rounds).as("the exchange settles").isLessThan(1000);
            arrive(views, travelling, rounds % 2);
        }
        boolean agreed = views[0].state().to() == views[1].state().from() && views[1].state().to() == views[0].state().from();
        net.jqwik.api.statistics.Statistics.label("presence directions agree once everything arrived").collect(agreed);
        for (int side = 0; side < 2; side++) { // each side's server probes; a contact that sends no presence answers "unsubscribed"
            if (views[side].state().to() && !views[1 - side].state().from()) {
                views[side] = views[side].inbound(SubscriptionType.UNSUBSCRIBED).next();
            }
        }
        for (int side = 0; side < 2; side++) {
            assertThat(!views[side].state().to() || views[1 - side].state().from())
                    .as("%s / %s: side %d expects presence the other does not send", views[0].state().label(), views[1].state().label(), side).isTrue();
        }
    }

    /** The oldest stanza travelling to {@code receiver} arrives; an answer its server sends on the user's behalf starts travelling back. */
    private static void arrive(Subscription[] views, List<ArrayDeque<SubscriptionType>> travelling, int receiver) {
        SubscriptionType type = travelling.get(receiver).poll();
        if (type == null) {
            return;
        }
        SubscriptionOutcome in = views[receiver].inbound(type);
        views[receiver] = in.next();
        in.autoReply().forEach(reply -> travelling.get(1 - receiver).add(reply));
    }

    @Provide
    Arbitrary<List<Step>> crossing() {
        Arbitrary<Step> send = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(SubscriptionType.class)).as(Send::new);
        Arbitrary<Step> arrive = Arbitraries.of(true, false).map(Arrive::new);
        return Arbitraries.oneOf(send, arrive).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void aPreApprovedRequestIsAnsweredByTheServer(@ForAll("exchanges") List<Send> before) {
        Subscription user = Subscription.NONE;
        for (Send send : before) {
            if (send.byUser()) {
                user = user.outbound(send.type(), true).next();
            }
        }
        Subscription approving = user.outbound(SubscriptionType.SUBSCRIBED, true).next();
        SubscriptionOutcome request = approving.inbound(SubscriptionType.SUBSCRIBE);
        assertThat(request.next().state().from()).as("the contact gets the user's presence").isTrue();
        if (approving.approved()) {
            assertThat(request.forward()).as("a pre-approved request is not delivered (RFC 6121 §3.4)").isFalse();
            assertThat(request.autoReply()).contains(SubscriptionType.SUBSCRIBED);
        }
    }

    @Provide
    Arbitrary<List<Send>> exchanges() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(SubscriptionType.class))
                .as(Send::new).list().ofMaxSize(30);
    }
}
