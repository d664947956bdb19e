package dev.starling.io.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.DecoderLimits;
import dev.starling.model.Namespaces;

import java.time.Clock;
import java.util.Objects;

/**
 * What every session runner needs besides its machine: the codecs, the stream's content
 * namespace, the input limits, the outbound limit, the clock and the randomness.
 *
 * @param registry         the codec registry
 * @param contentNamespace {@code jabber:client} for client streams
 * @param limits           the decoder's limits on what the peer may send
 * @param maxOutboundBytes bytes that may wait to be written to a slow peer before the session ends
 * @param maxQueuedInputs  inputs from other threads that may wait for the session's event loop
 * @param clock            the clock machines read through their inputs
 * @param random           the randomness machines read through their inputs
 */
public record SessionSettings(CodecRegistry registry, String contentNamespace, DecoderLimits limits, long maxOutboundBytes,
                              int maxQueuedInputs, Clock clock, RandomTokens random) {

    public SessionSettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(contentNamespace, "contentNamespace");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (maxOutboundBytes < 1 || maxQueuedInputs < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Client-stream defaults: core codecs, default decoder limits, 4 MiB outbound, 10,000 queued inputs. */
    public static SessionSettings defaults() {
        return new SessionSettings(CodecRegistry.core(), Namespaces.CLIENT, DecoderLimits.DEFAULT, 4L * 1024 * 1024, 10_000,
                Clock.systemUTC(), new RandomTokens());
    }

    /** Server-stream defaults: as {@link #defaults()}, with {@link CodecRegistry#routing()} (in-band data chunks pass through undecoded). */
    public static SessionSettings serverDefaults() {
        return new SessionSettings(CodecRegistry.routing(), Namespaces.CLIENT, DecoderLimits.DEFAULT, 4L * 1024 * 1024, 10_000,
                Clock.systemUTC(), new RandomTokens());
    }

    public SessionSettings withLimits(DecoderLimits newLimits) {
        return new SessionSettings(registry, contentNamespace, newLimits, maxOutboundBytes, maxQueuedInputs, clock, random);
    }

    /** The same settings for streams in another content namespace ({@code jabber:server} between servers). */
    public SessionSettings withContentNamespace(String namespace) {
        return new SessionSettings(registry, namespace, limits, maxOutboundBytes, maxQueuedInputs, clock, random);
    }

    public SessionSettings withMaxOutboundBytes(long bytes) {
        return new SessionSettings(registry, contentNamespace, limits, bytes, maxQueuedInputs, clock, random);
    }
}
