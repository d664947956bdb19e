package dev.starling.conformance.check;

import dev.starling.io.client.XmppClient;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * XEP-0016 privacy lists, when the server announces them: the user writes a list that denies a
 * stranger's messages, reads it back as written, makes it the session's active list, declines it
 * and removes it.
 */
final class PrivacyCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private PrivacyCheck() {
    }

    static void run(ConformanceCheck check, XmppClient user, DiscoInfo server, Jid stranger) {
        if (!server.hasFeature(PrivacyQuery.NAMESPACE)) {
            check.notOffered("XEP-0016", "2", "privacy lists", "the server does not announce " + PrivacyQuery.NAMESPACE);
            return;
        }
        PrivacyList list = new PrivacyList("starling-check", Array.of(
                new PrivacyRule(Option.some(PrivacyRule.Type.JID), Option.some(stranger.toString()), PrivacyRule.Action.DENY, 1,
                        LinkedHashSet.of(PrivacyRule.Kind.MESSAGE)),
                new PrivacyRule(Option.none(), Option.none(), PrivacyRule.Action.ALLOW, 2, LinkedHashSet.empty())));
        check.check("XEP-0016", "2", "privacy lists", () -> {
            user.privacy().put(list).block(TIMEOUT);
            PrivacyList back = user.privacy().list(list.name()).block(TIMEOUT);
            user.privacy().activate(Option.some(list.name())).block(TIMEOUT);
            boolean active = user.privacy().names().block(TIMEOUT).active().contains(list.name());
            user.privacy().activate(Option.none()).block(TIMEOUT);
            user.privacy().remove(list.name()).block(TIMEOUT);
            boolean gone = !user.privacy().names().block(TIMEOUT).lists().contains(list.name());
            return back.equals(list) && active && gone ? ConformanceCheck.pass("written, read back, activated, declined, removed")
                    : ConformanceCheck.fail("read back " + back.equals(list) + ", active " + active + ", removed " + gone);
        });
    }
}
