package dev.starling.io.dns;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.function.IntUnaryOperator;

/**
 * Where to connect for an XMPP domain, from its SRV records: a pure function whose random numbers come from
 * a parameter.
 *
 * <ul>
 *   <li>{@code _xmpp-client} and {@code _xmpps-client} records are merged and ordered as one record set
 *       (XEP-0368 §3): by priority, lowest first, then within one priority by the weighted random selection
 *       of RFC 2782 ("Usage rules").</li>
 *   <li>A lookup whose only target is "." says the service is not available (RFC 2782); such records are
 *       never used. If no usable record remains and one lookup said so, there is no endpoint at all: no
 *       fallback (RFC 6120 §3.2.1 aborts SRV processing; XEP-0368 §5 forbids the A/AAAA fallback).</li>
 *   <li>With no records at all (none exist, or the lookups failed), the fallback of RFC 6120 §3.2.2: the
 *       domain itself on port 5222, with STARTTLS.</li>
 * </ul>
 */
public final class SrvOrdering {

    /** The IANA-registered port of xmpp-client (RFC 6120 §14.7), the fallback's port. */
    public static final int DEFAULT_CLIENT_PORT = 5222;

    private SrvOrdering() {
    }

    /**
     * The endpoints to try in order; empty means the service is not available.
     *
     * @param domain    the XMPP domain, as an A-label, for the fallback
     * @param startTls  the {@code _xmpp-client._tcp} records, empty if there were none or the lookup failed
     * @param directTls the {@code _xmpps-client._tcp} records, likewise
     * @param random    given a bound {@code n >= 0}, a uniformly random number in {@code [0, n]}
     */
    public static Seq<XmppEndpoint> endpoints(String domain, Seq<SrvRecord> startTls, Seq<SrvRecord> directTls,
                                              IntUnaryOperator random) {
        Seq<SrvRecord> usable = startTls.appendAll(directTls).reject(SrvRecord::notAvailable);
        if (!usable.isEmpty()) {
            return order(usable, random).map(SrvRecord::endpoint);
        }
        if (saysNotAvailable(startTls) || saysNotAvailable(directTls)) {
            return List.empty();
        }
        return List.of(new XmppEndpoint(domain, DEFAULT_CLIENT_PORT, false));
    }

    /** The RFC 2782 order of {@code records}: by priority, then weighted random within each priority. */
    public static Seq<SrvRecord> order(Seq<SrvRecord> records, IntUnaryOperator random) {
        return records.groupBy(SrvRecord::priority).toList()
                .sortBy(group -> group._1)
                .flatMap(group -> byWeight(group._2, random));
    }

    private static boolean saysNotAvailable(Seq<SrvRecord> records) {
        return !records.isEmpty() && records.forAll(SrvRecord::notAvailable);
    }

    /**
     * RFC 2782: weight-0 records first, then repeatedly draw r in [0, sum of weights] and take the first
     * record whose running sum of weights is at least r.
     */
    private static Seq<SrvRecord> byWeight(Seq<SrvRecord> records, IntUnaryOperator random) {
        List<SrvRecord> remaining = List.ofAll(records.filter(r -> r.weight() == 0))
                .appendAll(records.filter(r -> r.weight() > 0));
        List<SrvRecord> ordered = List.empty();
        while (!remaining.isEmpty()) {
            int sum = remaining.map(SrvRecord::weight).sum().intValue();
            int drawn = random.applyAsInt(sum);
            int running = 0;
            int index = 0;
            for (SrvRecord candidate : remaining) {
                running += candidate.weight();
                if (running >= drawn) {
                    break;
                }
                index++;
            }
            int chosen = Math.min(index, remaining.size() - 1);
            ordered = ordered.append(remaining.get(chosen));
            remaining = remaining.removeAt(chosen);
        }
        return ordered;
    }
}
