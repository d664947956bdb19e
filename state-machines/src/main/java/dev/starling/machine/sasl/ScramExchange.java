package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Option;

/**
 * What the SCRAM server keeps from the client-first-message (RFC 5802 §5.1, §7) for the rest of
 * the exchange.
 *
 * @param hash                the mechanism's hash
 * @param mechanism           the mechanism name
 * @param channelBindingInput the {@code c=} value the client-final-message must carry: the GS2
 *                            header as received, followed by the binding data when {@code p=} was used
 * @param clientFirstBare     client-first-message-bare, as received (the start of AuthMessage)
 * @param username            the prepared user name
 * @param authzid             the authzid of the GS2 header
 * @param nonce               the combined nonce: the client's followed by the server's
 * @param authzidRule         which authzids the user may assume
 */
record ScramExchange(ScramHash hash, String mechanism, Bytes channelBindingInput, String clientFirstBare, String username,
                     Option<String> authzid, String nonce, AuthzidRule authzidRule) {
}
