package dev.starling.io.client;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

class IdleLimitTest {

    private static final Duration IDLE = Duration.ofSeconds(60);

    @Test
    void bytesWithoutStanzasKeepTheTransferAliveAndSilenceOnBothEndsIt() {
        StepVerifier.withVirtualTime(() -> {
                    Sinks.Many<String> stanzas = Sinks.many().multicast().directBestEffort();
                    // a bytestream read every 30 s for ten minutes: no stanza comes after the offer
                    var reads = reactor.core.publisher.Flux.interval(Duration.ofSeconds(30)).take(20);
                    return IdleLimit.of(stanzas.asFlux(), reads, IDLE);
                })
                .thenAwait(Duration.ofMinutes(10))
                .expectNoEvent(Duration.ofSeconds(59)) // the last read was at 10 min: idle but within the limit
                .thenAwait(Duration.ofSeconds(1))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void stanzasPassThroughAndReadsDoNot() {
        Sinks.Many<String> stanzas = Sinks.many().multicast().onBackpressureBuffer();
        Sinks.Many<Integer> reads = Sinks.many().multicast().onBackpressureBuffer();
        StepVerifier.create(IdleLimit.of(stanzas.asFlux(), reads.asFlux(), IDLE))
                .then(() -> {
                    reads.tryEmitNext(1);
                    stanzas.tryEmitNext("close");
                    reads.tryEmitNext(2);
                    stanzas.tryEmitComplete();
                    reads.tryEmitComplete();
                })
                .expectNext("close")
                .verifyComplete();
    }
}
