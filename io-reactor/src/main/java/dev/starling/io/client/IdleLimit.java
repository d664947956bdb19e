package dev.starling.io.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The idle limit of a transfer: it fails only when neither a stanza of the transfer nor a byte of
 * its bytestream arrived for the limit. A SOCKS5 bytestream (XEP-0065) carries the file outside
 * the XMPP stream, so a limit on stanzas alone would end any transfer that lasts longer than it.
 */
final class IdleLimit {

    private IdleLimit() {
    }

    /**
     * The transfer's stanzas, failing with a {@link java.util.concurrent.TimeoutException} once
     * neither they nor {@code activity} (a signal per bytestream read) emitted for {@code idle}.
     */
    static <T> Flux<T> of(Flux<T> stanzas, Flux<?> activity, Duration idle) {
        return Flux.merge(stanzas.map(Optional::of), activity.map(read -> Optional.<T>empty()))
                .timeout(idle)
                .flatMap(Mono::justOrEmpty);
    }
}
