package dev.starling.io.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** RFC 2782 ordering, the XEP-0368 merge and the RFC 6120 §3.2 fallback, as a pure function. */
class SrvOrderingTest {

    private static final IntUnaryOperator LOWEST = bound -> 0;
    private static final IntUnaryOperator HIGHEST = bound -> bound;

    private static SrvRecord srv(int priority, int weight, String target) {
        return new SrvRecord(priority, weight, 5222, target, false);
    }

    private static SrvRecord direct(int priority, int weight, String target) {
        return new SrvRecord(priority, weight, 5223, target, true);
    }

    private static Seq<String> targets(Seq<SrvRecord> records) {
        return records.map(SrvRecord::target);
    }

    @Test
    void lowerPrioritiesComeFirstWhateverTheWeights() {
        Seq<SrvRecord> records = List.of(srv(20, 100, "c"), srv(10, 0, "a"), srv(30, 5, "d"), srv(15, 1, "b"));

        assertThat(targets(SrvOrdering.order(records, LOWEST))).containsExactly("a", "b", "c", "d");
        assertThat(targets(SrvOrdering.order(records, HIGHEST))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void theDrawnNumberPicksTheFirstRecordWhoseRunningSumReachesIt() {
        // weight-0 records go first; running sums: z=0, a=10, b=40 (RFC 2782 "Usage rules")
        Seq<SrvRecord> records = List.of(srv(0, 10, "a"), srv(0, 30, "b"), srv(0, 0, "z"));

        for (int drawn = 0; drawn <= 40; drawn++) {
            int first = drawn;
            IntUnaryOperator random = new IntUnaryOperator() {
                private boolean used;

                @Override
                public int applyAsInt(int bound) {
                    if (used) {
                        return 0;
                    }
                    used = true;
                    assertThat(bound).isEqualTo(40);
                    return first;
                }
            };
            String expected = drawn == 0 ? "z" : drawn <= 10 ? "a" : "b";
            assertThat(SrvOrdering.order(records, random).head().target()).as("drawn %d", drawn).isEqualTo(expected);
        }
    }

    @Test
    void eachPickRemovesTheRecordAndDrawsAgainOverTheRest() {
        Seq<SrvRecord> records = List.of(srv(0, 10, "a"), srv(0, 30, "b"), srv(0, 60, "c"));
        java.util.List<Integer> bounds = new java.util.ArrayList<>();

        Seq<SrvRecord> ordered = SrvOrdering.order(records, bound -> {
            bounds.add(bound);
            return bound;
        });

        assertThat(targets(ordered)).containsExactly("c", "b", "a");
        assertThat(bounds).containsExactly(100, 40, 10);
    }

    @Test
    void zeroWeightsKeepTheirOrderWhenTheDrawIsZero() {
        Seq<SrvRecord> records = List.of(srv(0, 0, "a"), srv(0, 0, "b"), srv(0, 0, "c"));

        assertThat(targets(SrvOrdering.order(records, LOWEST))).containsExactly("a", "b", "c");
    }

    @Test
    void uniformDrawsFollowTheRfc2782Proportions() {
        Seq<SrvRecord> records = List.of(srv(0, 1, "a"), srv(0, 3, "b"));
        Random random = new Random(6120);
        Map<String, Integer> firsts = HashMap.empty();

        for (int trial = 0; trial < 50_000; trial++) {
            String first = SrvOrdering.order(records, bound -> random.nextInt(bound + 1)).head().target();
            firsts = firsts.put(first, firsts.get(first).getOrElse(0) + 1);
        }

        // r in [0, 4]: r <= 1 picks a (2 of 5 values), r >= 2 picks b (3 of 5)
        assertThat(firsts.get("a").get() / 50_000.0).isBetween(0.38, 0.42);
        assertThat(firsts.get("b").get() / 50_000.0).isBetween(0.58, 0.62);
    }

    @Test
    void startTlsAndDirectTlsRecordsAreMergedAsOneSet() {
        Seq<XmppEndpoint> endpoints = SrvOrdering.endpoints("example.com",
                List.of(srv(10, 0, "xmpp1.example.com"), srv(30, 0, "xmpp2.example.com")),
                List.of(direct(5, 0, "tls.example.com"), direct(20, 0, "tls2.example.com")), LOWEST);

        assertThat(endpoints).containsExactly(
                new XmppEndpoint("tls.example.com", 5223, true),
                new XmppEndpoint("xmpp1.example.com", 5222, false),
                new XmppEndpoint("tls2.example.com", 5223, true),
                new XmppEndpoint("xmpp2.example.com", 5222, false));
    }

    @Test
    void noRecordsFallBackToTheDomainOnPort5222WithStartTls() {
        assertThat(SrvOrdering.endpoints("example.com", List.empty(), List.empty(), LOWEST))
                .containsExactly(new XmppEndpoint("example.com", 5222, false));
    }

    @Test
    void aSingleDotTargetSaysTheServiceIsNotAvailable() {
        assertThat(SrvOrdering.endpoints("example.com", List.of(srv(0, 0, ".")), List.empty(), LOWEST)).isEmpty();
        assertThat(SrvOrdering.endpoints("example.com", List.empty(), List.of(direct(0, 0, ".")), LOWEST)).isEmpty();
        assertThat(SrvOrdering.endpoints("example.com", List.of(srv(0, 0, ".")), List.of(direct(0, 0, ".")), LOWEST))
                .isEmpty();
    }

    @Test
    void aDotForOneServiceLeavesTheOther() {
        assertThat(SrvOrdering.endpoints("example.com", List.of(srv(0, 0, "xmpp.example.com")),
                List.of(direct(0, 0, ".")), LOWEST))
                .containsExactly(new XmppEndpoint("xmpp.example.com", 5222, false));
        assertThat(SrvOrdering.endpoints("example.com", List.of(srv(0, 0, ".")),
                List.of(direct(0, 0, "tls.example.com")), LOWEST))
                .containsExactly(new XmppEndpoint("tls.example.com", 5223, true));
    }
}
