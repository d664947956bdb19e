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
 */
public record ServerContext(ServerConfig config, boolean tls, Seq<ChannelBinding> bindings, Seq<String> certificateIdentities,
                            Option<Authenticated> identity, int saslFailures, boolean headerSent) {

    public ServerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(certificateIdentities, "certificateIdentities");
        Objects.requireNonNull(identity, "identity");
    }

    /** The context of a new connection. */
    public static ServerContext start(ServerConfig config) {
        return new ServerContext(config, false, Array.empty(), Array.empty(), Option.none(), 0, false);
    }

    ServerContext secured(Seq<ChannelBinding> channelBindings, Seq<String> identities) {
        return new ServerContext(config, true, channelBindings, identities, identity, saslFailures, false);
    }

    ServerContext authenticated(Authenticated outcome) {
        return new ServerContext(config, tls, bindings, certificateIdentities, Option.some(outcome), saslFailures, false);
    }

    ServerContext failedSasl() {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures + 1, headerSent);
    }

    ServerContext withHeaderSent(boolean sent) {
        return new ServerContext(config, tls, bindings, certificateIdentities, identity, saslFailures, sent);
    }
}
