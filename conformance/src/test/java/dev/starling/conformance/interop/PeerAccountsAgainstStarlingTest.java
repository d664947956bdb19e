package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.parts.Localpart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real clients manage accounts on the Starling server: Smack 4.4.8's {@code AccountManager} and
 * slixmpp's XEP-0077 plugin register an account in-band, log in with it, change its password and
 * cancel it; slixmpp's XEP-0078 plugin logs in without SASL against a server that offers no SASL
 * mechanism (Smack 4.4 has no non-SASL login).
 */
class PeerAccountsAgainstStarlingTest {

    @Test
    void smackRegistersLogsInChangesThePasswordAndDeletes() throws Exception {
        try (WireAccess starling = WireAccess.startWithAccounts(true)) {
            XMPPTCPConnection smack = connection(starling);
            try {
                smack.connect();
                AccountManager accounts = AccountManager.getInstance(smack);
                assertThat(accounts.supportsAccountCreation()).isTrue();
                assertThat(accounts.getAccountAttributes()).contains("username", "password");
                accounts.createAccount(Localpart.from("tybalt"), "prince-of-cats");
                smack.login("tybalt", "prince-of-cats");
                assertThat(smack.getUser().asBareJid().toString()).isEqualTo("tybalt@localhost");
                accounts.changePassword("king-of-cats");
            } finally {
                smack.disconnect();
            }
            XMPPTCPConnection again = connection(starling);
            try {
                again.connect().login("tybalt", "king-of-cats");
                try {
                    AccountManager.getInstance(again).deleteAccount();
                } catch (org.jivesoftware.smack.SmackException.NotConnectedException closedFirst) {
                    // XEP-0077 §3.2: the server answers, then ends the stream with not-authorized; Smack 4.4 sometimes acts on
                    // the stream error before it hands the answer, written first, to the waiting request
                    assertThat(closedFirst).hasMessageContaining("the account was removed");
                }
            } finally {
                again.disconnect();
            }
            assertThat(starling.hasAccount("tybalt")).isFalse();
        }
    }

    @Test
    void slixmppRegistersChangesThePasswordAndCancels() throws Exception {
        Peers.requireSlixmpp();
        // without -PLUS mechanisms: see SlixmppAgainstStarlingTest for slixmpp 1.8's channel-binding choices
        try (WireAccess starling = WireAccess.startWithAccounts(false)) {
            String output = runSlixmpp(starling, "register", "benvolio@localhost/slixmpp", "peace-keeper", "SCRAM-SHA-256", "new-peace");
            assertThat(output).contains("REGISTERED benvolio@localhost", "BOUND benvolio@localhost/slixmpp", "CHANGED", "CANCELLED");
            assertThat(starling.hasAccount("benvolio")).isFalse();
        }
    }

    @Test
    void slixmppLogsInWithoutSasl() throws Exception {
        Peers.requireSlixmpp();
        try (WireAccess starling = WireAccess.startWithLegacyAuthOnly()) {
            String output = runSlixmpp(starling, "legacy", "juliet@localhost/legacy", starling.password("juliet"));
            assertThat(output).contains("LEGACY BOUND juliet@localhost/legacy");
        }
    }

    private static XMPPTCPConnection connection(WireAccess starling) throws Exception {
        return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(starling.port())
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(SmackAgainstStarlingTest.trusting(starling.certificatePem()))
                .setHostnameVerifier((host, session) -> true) // the pinned certificate is the identity check here
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .build());
    }

    private static String runSlixmpp(WireAccess starling, String mode, String jid, String password, String... more) throws Exception {
        Path ca = Files.createTempFile("starling-ca", ".pem");
        Files.writeString(ca, starling.certificatePem());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("/usr/bin/python3", Peers.script("accounts.py").toString(),
                mode, "127.0.0.1", String.valueOf(starling.port()), jid, password, ca.toString()));
        command.addAll(java.util.List.of(more));
        Process slixmpp = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(slixmpp.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(slixmpp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(slixmpp.exitValue()).as(output).isZero();
            return output;
        } finally {
            slixmpp.destroyForcibly();
        }
    }
}
