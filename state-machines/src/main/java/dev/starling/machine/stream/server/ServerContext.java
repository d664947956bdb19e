package dev.starling.machine.stream.server;

import dev.starling.machine.sasl.Authenticated;
import dev.starling.machine.sasl.ChannelBinding;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the server has learnt about a client stream so far.
 *
 * @param config                the configuration
 * @param tls                   whether TLS is established
 * @param bindings              the channel bindings TLS offers
 * @param certificateIdentities the identities of the client's verified certificate (SASL EXTERNAL)
 * @param identity              the SASL outcome, once authenticated
 * @param saslFailures          failed SASL attempts so far
 * @param headerSent            whether the response header of the current stream was sent
 * @param registered            whether an account was registered on this stream (XEP-0077 §3.1.1 allows one)
 * @param legacyFailures        failed XEP-0078 login attempts so far
 */
public record ServerContext(ServerConfig config, boolean tls, Seq<ChannelBinding> bindings, Seq<String> certificateIdentities,
                            Option<Authenticated> identity, int saslFailures, boolean headerSent,
                            boolean registered, int legacyFailures) {

    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(certificateIdentities, "certificateIdentities");
        Objects.requireNonNull(identity, "identity");
    }

    /** The context of a new connection. */
    public static ServerContext start(ServerConfig config) {
        return new ServerContext(config, false, Array.empty(), Array.empty(), Option.none(), 0, false, false, 0);
    }

    ServerContext secured(Seq<ChannelBinding> channelBindings, Seq<String> identities) {
        return new ServerContext(config, true, channelBindings, identities, identity, saslFailures, false, registered, legacyFailures);
    }

    ServerContext authenticated(Authenticated outcome) {
        return new ServerContext(config, tls, bindings, certificateIdentities, Option.some(outcome), saslFailures, false, registered, legacyFailures);
    }

    ServerContext failedSasl() {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures + 1, headerSent, registered, legacyFailures);
    }

    ServerContext withHeaderSent(boolean sent) {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures, sent, registered, legacyFailures);
    }

    /** Authenticated without a stream restart (XEP-0078): the current header stays sent. */
    ServerContext authenticatedInPlace(Authenticated outcome) {
        return new ServerContext(config, tls, bindings, certificateIdentities, Option.some(outcome), saslFailures, headerSent, registered, legacyFailures);
    }

    ServerContext registeredNow() {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures, headerSent, true, legacyFailures);
    }

    ServerContext failedLegacyAuth() {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures, headerSent, registered,
                legacyFailures + 1);
    }
}
