package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The server side of SCRAM (RFC 5802 §5 and §6; RFC 7677; draft-melnikov-scram-sha-512), with or
 * without channel binding. This state expects the client-first-message. It answers syntax errors
 * with {@code malformed-request} (RFC 6120 §6.5.8) and checks the GS2 header against the
 * mechanism and what the server offers (RFC 5802 §6):
 * <ul>
 *   <li>{@code n} or {@code y} with a -PLUS mechanism, and {@code p=} without one: {@code malformed-request};</li>
 *   <li>{@code y} while the server offers a -PLUS mechanism, which means an attacker removed it
 *       from the offer (downgrade): {@code not-authorized};</li>
 *   <li>{@code p=} with a binding type this connection does not have: {@code not-authorized}.</li>
 * </ul>
 * It then asks for the account's credentials. A user name the OpaqueString profile refuses skips
 * the look-up and, like an unknown user or an account without this hash, continues with a made-up
 * salt so that the client learns only at the end, with {@code not-authorized}, that it failed.
 */
final class ScramServer extends InitialResponseServer {

    private final ScramHash hash;
    private final boolean plus;
    private final Option<ChannelBinding> binding;
    private final boolean serverOffersPlus;
    private final String serverNonce;
    private final AuthzidRule authzidRule;

    ScramServer(ScramHash hash, boolean plus, Option<ChannelBinding> binding, boolean serverOffersPlus, String serverNonce,
                AuthzidRule authzidRule) {
        super(hash.mechanismName(plus));
        this.hash = hash;
        this.plus = plus;
        this.binding = binding;
        this.serverOffersPlus = serverOffersPlus;
        this.serverNonce = serverNonce;
        this.authzidRule = authzidRule;
    }

    @Override
    ServerStep onFirstMessage(Bytes message) {
        Option<String> text = Encodings.decodeUtf8(message);
        if (text.isEmpty()) {
            return malformed("the client-first-message is not UTF-8");
        }
        Either<String, Gs2Header> header = Gs2Header.parse(text.get());
        if (header.isLeft()) {
            return malformed(header.getLeft());
        }
        Option<ServerStep> refused = checkChannelBinding(header.get());
        if (refused.isDefined()) {
            return refused.get();
        }
        String bare = header.get().bareOf(text.get());
        Either<String, ScramMessages.ClientFirstBare> parsed = ScramMessages.parseClientFirstBare(bare);
        if (parsed.isLeft()) {
            return malformed(parsed.getLeft());
        }
        Option<String> username = OpaqueStrings.prepare(parsed.get().username());
        ScramExchange exchange = new ScramExchange(hash, mechanism(), header.get().channelBindingInput(binding), bare,
                username.getOrElse(parsed.get().username()), header.get().authzid(), parsed.get().nonce() + serverNonce,
                authzidRule);
        return username.isDefined()
                ? new ServerStep.LookupCredentials(new ExpectCredentials(exchange), username.get())
                : ExpectScramClientFinal.challenge(exchange, Option.none());
    }

    private Option<ServerStep> checkChannelBinding(Gs2Header header) {
        return switch (header.flag()) {
            case NOT_SUPPORTED -> plus ? Option.some(malformed("flag n with " + mechanism())) : Option.none();
            case SUPPORTED_NOT_USED -> checkSupportedNotUsed();
            case USED -> checkUsed(header.cbType().get());
        };
    }

    /** {@code y}: the client could bind; if this server offers -PLUS, someone removed it from the offer. */
    private Option<ServerStep> checkSupportedNotUsed() {
        if (plus) {
            return Option.some(malformed("flag y with " + mechanism()));
        }
        return serverOffersPlus
                ? Option.some(failure(SaslFailureCondition.NOT_AUTHORIZED,
                        "the client supports channel binding and the server offers it: the offer was tampered with"))
                : Option.none();
    }

    /** {@code p=type}: only with -PLUS, and only a type this connection has. */
    private Option<ServerStep> checkUsed(String type) {
        if (!plus) {
            return Option.some(malformed("channel binding requested with " + mechanism()));
        }
        return binding.exists(b -> b.type().equals(type))
                ? Option.none()
                : Option.some(failure(SaslFailureCondition.NOT_AUTHORIZED,
                        "channel binding type " + type + " is not available on this connection"));
    }

    /** Asked for the account's credentials; answers with the server-first-message. */
    private static final class ExpectCredentials extends SaslServerState {

        private final ScramExchange exchange;

        ExpectCredentials(ScramExchange exchange) {
            super(exchange.mechanism());
            this.exchange = exchange;
        }

        @Override
        public ServerStep onCredentials(Option<StoredCredentials> credentials) {
            return ExpectScramClientFinal.challenge(exchange, credentials.flatMap(c -> c.forHash(exchange.hash())));
        }
    }
}
