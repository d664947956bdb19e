package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.privacy.PrivacyMatcher;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random privacy lists (XEP-0016) over a small world of JIDs, groups and subscription states:
 * the decision does not depend on the rules' document order, only on their 'order' (§2.2 rule
 * 5); a list where no rule matches allows (rule 7); and whatever the active list, a message from
 * another of the account's own resources is never blocked (§2.1).
 */
class PrivacyProperties {

    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private static final List<String> JIDS = List.of("juliet@example.com", "tybalt@example.com", "example.com", "example.org",
            "juliet@example.com/balcony", "example.com/service");
    private static final List<String> PEERS = List.of("juliet@example.com/balcony", "juliet@example.com/chamber", "tybalt@example.com/pda",
            "paris@example.org/ball", "example.com/service", "mercutio@example.org/street");
    private static final Roster ROSTER = new Roster(0, LinkedHashMap.<Jid, RosterEntry>empty()
            .put(Jid.of("juliet@example.com"), new RosterEntry(Jid.of("juliet@example.com"), Option.none(), Array.of("Friends"),
                    new Subscription(SubscriptionState.BOTH, false), 0))
            .put(Jid.of("tybalt@example.com"), new RosterEntry(Jid.of("tybalt@example.com"), Option.none(), Array.of("Enemies"),
                    new Subscription(SubscriptionState.NONE, false), 0))
            .put(Jid.of("mercutio@example.org"), new RosterEntry(Jid.of("mercutio@example.org"), Option.none(), Array.of("Friends", "Enemies"),
                    new Subscription(SubscriptionState.FROM, false), 0)),
            HashMap.empty(), 0, HashMap.empty());

    @Property(tries = 1000)
    void theDecisionFollowsTheOrderAttributeNotTheDocument(@ForAll("lists") java.util.List<PrivacyRule> rules, @ForAll("peers") String peer,
                                                           @ForAll("kinds") Option<PrivacyRule.Kind> kind, @ForAll long seed) {
        java.util.List<PrivacyRule> shuffled = new java.util.ArrayList<>(rules);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        boolean asWritten = PrivacyMatcher.denies(new PrivacyList("l", Array.ofAll(rules)), ROSTER, Jid.of(peer), kind);
        assertThat(PrivacyMatcher.denies(new PrivacyList("l", Array.ofAll(shuffled)), ROSTER, Jid.of(peer), kind)).isEqualTo(asWritten);
    }

    @Property(tries = 500)
    void onlyADenyRuleThatMatchesCanDeny(@ForAll("lists") java.util.List<PrivacyRule> rules, @ForAll("peers") String peer,
                                         @ForAll("kinds") Option<PrivacyRule.Kind> kind) {
        java.util.List<PrivacyRule> allows = rules.stream().filter(r -> r.action() == PrivacyRule.Action.ALLOW).toList();
        assertThat(PrivacyMatcher.denies(new PrivacyList("l", Array.ofAll(allows)), ROSTER, Jid.of(peer), kind)).isFalse();
    }

    @Property(tries = 300)
    void theAccountsOwnResourcesAreNeverBlocked(@ForAll("lists") java.util.List<PrivacyRule> rules) {
        AccountState romeo = AccountState.of(ROMEO, ROSTER);
        romeo = step(romeo, new AccountInput.ResourceBound("orchard"));
        romeo = step(romeo, new AccountInput.ResourceBound("home"));
        PrivacyQuery list = new PrivacyQuery(Option.none(), Option.none(), Array.of(new PrivacyList("l", Array.ofAll(rules)
                .append(new PrivacyRule(Option.none(), Option.none(), PrivacyRule.Action.DENY, 1_000_000, LinkedHashSet.empty())))));
        romeo = step(romeo, privacy(list, "home"));
        romeo = step(romeo, privacy(new PrivacyQuery(Option.some(Option.some("l")), Option.none(), Array.empty()), "orchard"));
        assertThat(romeo.privacy().effective("orchard").isDefined()).as("the list, ending in deny-all, applies to orchard").isTrue();
        Message toSelf = Message.chat(ROMEO.withResource("orchard").get(), "note to self").withFrom(Option.some(ROMEO.withResource("home").get()));
        var outputs = AccountEntity.step(romeo, new AccountInput.InboundMessage(toSelf), AccountLimits.defaults(), fresh()).outputs();
        assertThat(List.ofAll(outputs)).containsExactly(new AccountOutput.ToResource("orchard", toSelf));
    }

    @Provide
    Arbitrary<java.util.List<PrivacyRule>> lists() {
        Arbitrary<Option<PrivacyRule.Type>> types = Arbitraries.of(Option.none(), Option.some(PrivacyRule.Type.JID),
                Option.some(PrivacyRule.Type.GROUP), Option.some(PrivacyRule.Type.SUBSCRIPTION));
        Arbitrary<PrivacyRule> rules = Combinators.combine(types, Arbitraries.integers().between(0, 5), Arbitraries.of(PrivacyRule.Action.values()),
                Arbitraries.subsetOf(PrivacyRule.Kind.values())).as((type, pick, action, kinds) -> new PrivacyRule(type, type.map(t -> switch (t) {
                    case JID -> JIDS.get(pick % JIDS.size());
                    case GROUP -> pick % 2 == 0 ? "Friends" : "Enemies";
                    case SUBSCRIPTION -> List.of("both", "to", "from", "none").get(pick % 4);
                }), action, 0, LinkedHashSet.ofAll(kinds)));
        return rules.list().ofMaxSize(8).map(list -> {
            java.util.List<PrivacyRule> numbered = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                PrivacyRule rule = list.get(i);
                numbered.add(new PrivacyRule(rule.type(), rule.value(), rule.action(), (i * 7L) % 11 + i * 11L, rule.kinds()));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<String> peers() {
        return Arbitraries.of(PEERS.asJava());
    }

    @Provide
    Arbitrary<Option<PrivacyRule.Kind>> kinds() {
        return Arbitraries.of(Option.none(), Option.some(PrivacyRule.Kind.MESSAGE), Option.some(PrivacyRule.Kind.IQ),
                Option.some(PrivacyRule.Kind.PRESENCE_IN), Option.some(PrivacyRule.Kind.PRESENCE_OUT));
    }

    private static AccountInput privacy(PrivacyQuery query, String resource) {
        return new AccountInput.PrivacyRequest(resource, Iq.of(IqType.SET, "p", query).withFrom(Option.some(ROMEO.withResource(resource).get())), query);
    }

    private static AccountState step(AccountState state, AccountInput input) {
        return AccountEntity.step(state, input, AccountLimits.defaults(), fresh()).state();
    }

    private static Fresh fresh() {
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z"), String.format("%096d", 1));
    }
}
