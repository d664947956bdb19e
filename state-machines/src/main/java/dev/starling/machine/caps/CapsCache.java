package dev.starling.machine.caps;

import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.im.Caps;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the capabilities of entities are known to be (XEP-0115 §5.4): a verification string is
 * cached for everyone only once a disco#info result hashed to it; a result that does not match,
 * or uses a hash this cache does not support, is kept only for the entity that sent it.
 *
 * @param verified disco#info results by verification string, trusted for every entity
 * @param byEntity results known for one entity only, by its full JID as text
 */
public record CapsCache(Map<String, DiscoInfo> verified, Map<String, DiscoInfo> byEntity) {

    /** Nothing known. */
    public static final CapsCache EMPTY = new CapsCache(HashMap.empty(), HashMap.empty());

    public CapsCache {
        Objects.requireNonNull(verified, "verified");
        Objects.requireNonNull(byEntity, "byEntity");
    }

    /** What an entity that advertised {@code caps} supports, if known without asking it. */
    public Option<DiscoInfo> lookup(String entity, Caps caps) {
        return verified.get(caps.ver()).orElse(byEntity.get(entity));
    }

    /** The cache after {@code entity}, which advertised {@code caps}, answered disco#info with {@code info}. */
    public CapsCache learn(String entity, Caps caps, DiscoInfo info) {
        boolean valid = caps.hash().contains("sha-1") && CapsVerification.sha1(info).exists(caps.ver()::equals);
        return valid ? new CapsCache(verified.put(caps.ver(), info), byEntity.remove(entity))
                : new CapsCache(verified, byEntity.put(entity, info));
    }
}
