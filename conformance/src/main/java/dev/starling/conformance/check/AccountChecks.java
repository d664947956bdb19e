package dev.starling.conformance.check;

import dev.starling.io.client.XmppClient;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.legacyauth.IqAuthFeature;
import dev.starling.model.register.RegisterFeature;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The account flows of the live check: XEP-0077 in-band registration of a throw-away account,
 * its password change and its cancellation (each proven by logging in again), and XEP-0078
 * non-SASL login with the check's own account; "not offered" when the server does not advertise
 * the stream feature.
 */
final class AccountChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private AccountChecks() {
    }

    static void run(ConformanceCheck check, StreamFeatures offered) {
        registration(check, offered);
        legacyAuth(check, offered);
    }

    private static void registration(ConformanceCheck check, StreamFeatures offered) {
        if (offered.feature(RegisterFeature.class).isEmpty()) {
            for (String[] flow : new String[][]{{"3.1", "register an account in-band"}, {"3.3", "change the password"},
                    {"3.2", "cancel the registration"}}) {
                check.notOffered("XEP-0077", flow[0], flow[1], "the server does not advertise in-band registration");
            }
            return;
        }
        Jid account = Jid.of(Option.some("starling-check-" + random(6)), check.target().jid().domain(), Option.none()).get();
        String first = random(12);
        String second = random(12);
        check.check("XEP-0077", "3.1", "register an account in-band", () -> {
            XmppClient registered = check.connect(config(account, first).withRegistration(HashMap.of("email", account + ".invalid")),
                    check.target().server(), false);
            registered.close().block(TIMEOUT);
            return ConformanceCheck.pass("registered and logged in as " + account);
        });
        check.check("XEP-0077", "3.3", "change the password", () -> {
            XmppClient session = check.connect(config(account, first), check.target().server(), false);
            session.changePassword(second).block(TIMEOUT);
            session.close().block(TIMEOUT);
            check.connect(config(account, second), check.target().server(), false).close().block(TIMEOUT);
            return ConformanceCheck.pass("logged in with the new password");
        });
        check.check("XEP-0077", "3.2", "cancel the registration", () -> {
            XmppClient session = check.connect(config(account, second), check.target().server(), false);
            session.cancelRegistration().block(TIMEOUT);
            try {
                check.connect(config(account, second), check.target().server(), false).close().block(TIMEOUT);
                return ConformanceCheck.fail("the removed account can still log in");
            } catch (RuntimeException refused) {
                return ConformanceCheck.pass("removed; logging in fails: " + refused.getMessage());
            }
        });
    }

    private static void legacyAuth(ConformanceCheck check, StreamFeatures offered) {
        if (offered.feature(IqAuthFeature.class).isEmpty()) {
            check.notOffered("XEP-0078", "2", "non-SASL authentication", "the server does not advertise jabber:iq:auth");
            return;
        }
        check.check("XEP-0078", "2", "non-SASL authentication", () -> {
            XmppClient session = check.connect(config(check.target().jid().bare(), check.target().password())
                    .withMechanisms(List.empty()).withLegacyAuth(true), check.target().server(), false);
            session.close().block(TIMEOUT);
            return ConformanceCheck.pass("logged in as " + session.jid());
        });
    }

    private static ClientConfig config(Jid jid, String password) {
        return ClientConfig.of(jid, password).withKeepalive(Option.none());
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
