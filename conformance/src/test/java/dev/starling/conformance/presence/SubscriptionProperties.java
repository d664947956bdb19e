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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts, user and contact, each with its server's view of the other (RFC 6121 Appendix A),
 * over random sequences of subscription stanzas from both sides, delivered at once: whatever is
 * sent, the two views never contradict each other. The user receives the contact's presence
 * exactly when the contact sends it ("to" on one side is "from" on the other), and a request is
 * pending out on one side exactly when it is pending in on the other. Pre-approvals (§3.4) are on
 * or off per run.
 */
class SubscriptionProperties {

    /** One stanza: who sends it and its type. */
    record Send(boolean byUser, SubscriptionType type) {
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
