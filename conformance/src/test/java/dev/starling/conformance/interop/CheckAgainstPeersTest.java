package dev.starling.conformance.interop;

import dev.starling.conformance.check.CheckResult;
import dev.starling.conformance.check.CheckTarget;
import dev.starling.conformance.check.ConformanceCheck;
import dev.starling.conformance.check.Outcome;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./starling check --server ...} against Prosody and ejabberd, as the README shows it: the
 * Starling client runs every flow of the live check against each real server. No check may fail
 * but the one the README explains (ejabberd 23.01's XEP-0078 with stored keys), and the IM flows
 * each server offers must pass: the roster, the subscription handshake, presence with show,
 * status and priority, unavailable presence, offline delivery with its delay, a contact's caps,
 * chat states, receipts, attention, vCard, private storage, blocking and file transfer.
 */
class CheckAgainstPeersTest {

    private static final List<String> MUST_PASS = List.of("retrieve the roster", "add a roster item: result and push",
            "subscription request and approval", "mutual subscription", "presence between subscribers",
            "show, status and priority reach a subscriber", "the contact's capabilities verify against its disco#info",
            "a chat state reaches the contact", "a receipt comes back", "attention reaches the contact",
            "unavailable presence when a session ends", "offline message with its delay (XEP-0160, XEP-0203)",
            "set and read the account's vCard", "private XML storage", "block and unblock a JID", "file transfer over in-band bytestreams",
            "an IQ to an account that does not exist is service-unavailable");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Prosody, 25222, 25223, ''", "ejabberd, 35222, 35223, XEP-0078"})
    void everyOfferedFlowPasses(String peer, int port, int directTlsPort, String knownFailure) {
        InetSocketAddress address = Peers.require(peer, port);
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        List<CheckResult> results = ConformanceCheck.run(new CheckTarget(address, Option.some(new InetSocketAddress("127.0.0.1", directTlsPort)),
                Jid.of("alice@localhost"), "secret-alice", TlsSetups.client(context, "localhost")));

        List<String> failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL && !r.spec().equals(knownFailure))
                .map(r -> r.spec() + " " + r.section() + " " + r.title() + ": " + r.detail()).collect(Collectors.toList());
        assertThat(failed).as(peer).isEmpty();
        List<String> passed = results.stream().filter(r -> r.outcome() == Outcome.PASS).map(CheckResult::title).collect(Collectors.toList());
        assertThat(passed).as(peer).containsAll(MUST_PASS);
    }
}
