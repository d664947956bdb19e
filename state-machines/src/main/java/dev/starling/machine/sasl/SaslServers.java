package dev.starling.machine.sasl;

import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * Creates the receiving entity's side of a SASL exchange: the mechanisms to advertise
 * (RFC 6120 §6.4.1) and the server state for the one the client selects (§6.4.2).
 */
public final class SaslServers {

    private SaslServers() {
    }

    /**
     * The mechanisms to advertise, in the server's order of preference: EXTERNAL (when TLS
     * verified a client certificate and policy allows it), the SCRAM -PLUS variants strongest
     * first (when there is a channel binding), SCRAM, PLAIN (over TLS, or when policy allows it
     * without: RFC 6120 §13.8.3), ANONYMOUS (when allowed). Only mechanisms the policy enables.
     */
    public static Seq<String> advertised(SaslServerPolicy policy, boolean tls, Option<ChannelBinding> binding,
                                         boolean clientCertificate) {
        Seq<ScramHash> hashes = ScramHash.strongestFirst();
        Seq<String> offered = List.empty();
        if (policy.allowExternal() && tls && clientCertificate) {
            offered = offered.append(SaslMechanismNames.EXTERNAL);
        }
        if (binding.isDefined()) {
            offered = offered.appendAll(hashes.map(ScramHash::plusMechanismName));
        }
        offered = offered.appendAll(hashes.map(ScramHash::mechanismName));
        if (tls || policy.allowPlainWithoutTls()) {
            offered = offered.append(SaslMechanismNames.PLAIN);
        }
        if (policy.allowAnonymous()) {
            offered = offered.append(SaslMechanismNames.ANONYMOUS);
        }
        return offered.filter(policy::isEnabled);
    }

    /**
     * The server for the selected mechanism, or none when it is unknown or not available here,
     * which the session answers with {@code invalid-mechanism} (RFC 6120 §6.5.7). The authzid of
     * PLAIN and SCRAM is checked without a service domain: see the overload.
     *
     * @see #create(String, SaslServerPolicy, Option, boolean, String, Seq, String, Option)
     */
    public static Option<SaslServer> create(String mechanism, SaslServerPolicy policy, Option<ChannelBinding> binding, boolean tls,
                                            String serverNonce, Seq<String> certificateIdentities, String anonymousUsername) {
        return create(mechanism, policy, binding, tls, serverNonce, certificateIdentities, anonymousUsername, Option.none());
    }

    /**
     * The server for the selected mechanism, or none when it is unknown or not available here
     * ({@code invalid-mechanism}, RFC 6120 §6.5.7). Some mechanisms exist but are refused with
     * the {@code <auth/>}: PLAIN without TLS when policy requires it ({@code encryption-required},
     * §6.5.4), and a password mechanism the policy disabled while a stronger one is offered
     * ({@code mechanism-too-weak}, §6.5.9).
     *
     * @param binding               the channel binding of this TLS connection, if any
     * @param tls                   whether the stream is encrypted
     * @param serverNonce           printable random ASCII without {@code ,} (RFC 5802 §7), from the caller
     * @param certificateIdentities the JIDs or user names the verified client certificate names, or
     *                              that the shell mapped it to (XEP-0178 §3.7); empty without a
     *                              certificate, and then EXTERNAL is not available
     * @param anonymousUsername     the generated user name to give an ANONYMOUS client
     * @param serviceDomain         the domain this stream serves; when given, a PLAIN or SCRAM authzid
     *                              must name it (RFC 6120 §6.4.6)
     * @throws IllegalArgumentException if a SCRAM mechanism is selected and the nonce is invalid
     */
    public static Option<SaslServer> create(String mechanism, SaslServerPolicy policy, Option<ChannelBinding> binding, boolean tls,
                                            String serverNonce, Seq<String> certificateIdentities, String anonymousUsername,
                                            Option<String> serviceDomain) {
        Seq<String> offered = advertised(policy, tls, binding, !certificateIdentities.isEmpty());
        AuthzidRule authzidRule = new AuthzidRule(serviceDomain);
        switch (mechanism) {
            case SaslMechanismNames.ANONYMOUS:
                return offered.contains(mechanism) ? Option.some(new AnonymousServer(anonymousUsername)) : Option.none();
            case SaslMechanismNames.EXTERNAL:
                return offered.contains(mechanism) ? Option.some(new ExternalServer(certificateIdentities)) : Option.none();
            case SaslMechanismNames.PLAIN:
                if (policy.isEnabled(mechanism) && !offered.contains(mechanism)) {
                    return Option.some(new RefusedServer(mechanism, SaslFailureCondition.ENCRYPTION_REQUIRED,
                            "PLAIN needs an encrypted stream"));
                }
                return passwordMechanism(mechanism, offered, () -> new PlainServer(authzidRule));
            default:
                Option<ScramHash> hash = ScramHash.ofMechanism(mechanism);
                boolean plus = ScramHash.isPlus(mechanism);
                if (hash.isEmpty() || (plus && binding.isEmpty())) {
                    return Option.none();
                }
                if (!ScramMessages.isValidNonce(serverNonce)) {
                    throw new IllegalArgumentException("a SCRAM nonce is printable ASCII without ',' (RFC 5802 §7)");
                }
                boolean serverOffersPlus = offered.exists(ScramHash::isPlus);
                return passwordMechanism(mechanism, offered,
                        () -> new ScramServer(hash.get(), plus, binding, serverOffersPlus, serverNonce, authzidRule));
        }
    }

    /** An offered mechanism, or one the policy disabled that is weaker than an offered one, or none. */
    private static Option<SaslServer> passwordMechanism(String mechanism, Seq<String> offered,
                                                        Supplier<SaslServer> server) {
        if (offered.contains(mechanism)) {
            return Option.some(server.get());
        }
        Seq<String> strength = SaslMechanismNames.scramStrongestFirst().append(SaslMechanismNames.PLAIN);
        int rank = strength.indexOf(mechanism);
        boolean strongerOffered = strength.take(rank).exists(offered::contains);
        return strongerOffered
                ? Option.some(new RefusedServer(mechanism, SaslFailureCondition.MECHANISM_TOO_WEAK,
                        mechanism + " is weaker than this server allows"))
                : Option.none();
    }
}
