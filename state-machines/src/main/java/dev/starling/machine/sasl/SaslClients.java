package dev.starling.machine.sasl;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Creates the client side of a SASL exchange (RFC 6120 §6.3.3: the initiating entity selects a
 * mechanism from those offered, in its own order of preference).
 */
public final class SaslClients {

    private SaslClients() {
    }

    /**
     * The mechanisms this client can do, strongest first: EXTERNAL (when it has a certificate),
     * SCRAM-SHA-512/256/1 with channel binding (only when the TLS layer gives a binding), SCRAM
     * without, PLAIN (only if allowed, normally only over TLS: RFC 6120 §13.8.3) and ANONYMOUS
     * (only when asked for). Pick the first one the server offers.
     *
     * @param binding        the channel binding of the current TLS connection, if any
     * @param allowPlain     whether the password may be sent in the clear inside the stream
     * @param allowExternal  whether the client presented a certificate to authenticate with
     * @param allowAnonymous whether the client wants an anonymous session (XEP-0175)
     */
    public static Seq<String> preferenceOrder(Option<ChannelBinding> binding, boolean allowPlain, boolean allowExternal,
                                              boolean allowAnonymous) {
        Seq<ScramHash> hashes = ScramHash.strongestFirst();
        Seq<String> order = List.empty();
        if (allowExternal) {
            order = order.append(SaslMechanismNames.EXTERNAL);
        }
        if (binding.isDefined()) {
            order = order.appendAll(hashes.map(ScramHash::plusMechanismName));
        }
        order = order.appendAll(hashes.map(ScramHash::mechanismName));
        if (allowPlain) {
            order = order.append(SaslMechanismNames.PLAIN);
        }
        if (allowAnonymous) {
            order = order.append(SaslMechanismNames.ANONYMOUS);
        }
        return order;
    }

    /**
     * A client for the named mechanism, or none if it is not supported or not possible: a -PLUS
     * mechanism without a binding, a user name or password that the OpaqueString profile refuses
     * (RFC 8265 §4.2), or an authzid containing NUL. An empty authzid counts as none.
     *
     * <p>SCRAM without -PLUS sends the GS2 flag {@code y} when the client has a binding but the
     * server offers no -PLUS mechanism, and {@code n} otherwise (RFC 5802 §6).
     *
     * @param credentials      user name, password and optional authzid; EXTERNAL uses only the
     *                         authzid, ANONYMOUS nothing
     * @param binding          the channel binding of the current TLS connection, if any
     * @param serverOffersPlus whether the server advertised any -PLUS mechanism
     * @param clientNonce      printable random ASCII without {@code ,} (RFC 5802 §7), from the caller
     * @throws IllegalArgumentException if a SCRAM mechanism is asked for with an invalid nonce
     */
    public static Option<SaslClient> create(String mechanism, ClientCredentials credentials, Option<ChannelBinding> binding,
                                            boolean serverOffersPlus, String clientNonce) {
        Option<String> authzid = credentials.authzid().filter(a -> !a.isEmpty());
        if (authzid.exists(a -> a.indexOf('\0') >= 0)) {
            return Option.none();
        }
        return switch (mechanism) {
            case SaslMechanismNames.PLAIN -> plain(credentials, authzid);
            case SaslMechanismNames.EXTERNAL ->
                    Option.some(new SingleMessageClient(mechanism, Encodings.utf8(authzid.getOrElse(""))));
            case SaslMechanismNames.ANONYMOUS -> Option.some(new SingleMessageClient(mechanism, Encodings.utf8("")));
            default -> ScramHash.ofMechanism(mechanism)
                    .flatMap(hash -> scram(hash, ScramHash.isPlus(mechanism), credentials, authzid, binding, serverOffersPlus,
                            clientNonce));
        };
    }

    private static Option<SaslClient> plain(ClientCredentials credentials, Option<String> authzid) {
        Option<String> username = OpaqueStrings.prepare(credentials.username());
        Option<String> password = OpaqueStrings.prepare(credentials.password());
        return username.flatMap(u -> password.map(p ->
                new SingleMessageClient(SaslMechanismNames.PLAIN, new PlainMessage(authzid, u, p).encode())));
    }

    private static Option<SaslClient> scram(ScramHash hash, boolean plus, ClientCredentials credentials, Option<String> authzid,
                                            Option<ChannelBinding> binding, boolean serverOffersPlus, String clientNonce) {
        if (!ScramMessages.isValidNonce(clientNonce)) {
            throw new IllegalArgumentException("a SCRAM nonce is printable ASCII without ',' (RFC 5802 §7)");
        }
        if (plus && binding.isEmpty()) {
            return Option.none();
        }
        Gs2Header header;
        if (plus) {
            header = Gs2Header.of(Gs2Header.Flag.USED, binding.map(ChannelBinding::type), authzid);
        } else if (binding.isDefined() && !serverOffersPlus) {
            header = Gs2Header.of(Gs2Header.Flag.SUPPORTED_NOT_USED, Option.none(), authzid);
        } else {
            header = Gs2Header.of(Gs2Header.Flag.NOT_SUPPORTED, Option.none(), authzid);
        }
        Option<String> username = OpaqueStrings.prepare(credentials.username());
        Option<String> password = OpaqueStrings.prepare(credentials.password());
        return username.flatMap(u -> password.map(p -> new ScramClient(hash, plus, header, binding, u, p, clientNonce)));
    }
}
