package dev.starling.machine.stream.client;

import dev.starling.machine.sasl.ChannelBinding;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * What a client has learnt so far while negotiating, carried from state to state.
 *
 * @param config        the configuration
 * @param tls           whether TLS is established
 * @param bindings      the channel bindings TLS offers
 * @param authenticated whether SASL succeeded
 * @param tried         the SASL mechanisms already tried on this connection
 * @param registered    whether the account was registered on this connection (XEP-0077)
 */
public record ClientContext(ClientConfig config, boolean tls, Seq<ChannelBinding> bindings, boolean authenticated,
                            Seq<String> tried, boolean registered) {

    public ClientContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(tried, "tried");
    }

    /** The context of a new connection. */
    public static ClientContext start(ClientConfig config) {
        return new ClientContext(config, false, Array.empty(), false, Array.empty(), false);
    }

    ClientContext secured(Seq<ChannelBinding> channelBindings) {
        return new ClientContext(config, true, channelBindings, authenticated, tried, registered);
    }

    ClientContext authenticatedNow() {
        return new ClientContext(config, tls, bindings, true, tried, registered);
    }

    ClientContext tried(String mechanism) {
        return new ClientContext(config, tls, bindings, authenticated, tried.append(mechanism), registered);
    }

    ClientContext registeredNow() {
        return new ClientContext(config, tls, bindings, authenticated, tried, true);
    }
}
