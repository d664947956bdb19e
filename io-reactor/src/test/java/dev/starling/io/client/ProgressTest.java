package dev.starling.io.client;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClientFileTransfer.Progress}: the mean rate and the time left, and the timing of a transfer's progress. */
class ProgressTest {

    @Test
    void theRateIsTheMeanSoFarAndTheTimeLeftFollowsFromIt() {
        var half = new ClientFileTransfer.Progress(1 << 20, 2 << 20, "ibb", Duration.ofMillis(500));
        assertThat(half.bytesPerSecond()).isEqualTo(2.0 * (1 << 20));
        assertThat(half.remaining()).contains(Duration.ofMillis(500));
        var untimed = new ClientFileTransfer.Progress(10, 20, "ibb");
        assertThat(untimed.bytesPerSecond()).isZero();
        assertThat(untimed.remaining()).isEmpty();
    }

    @Test
    void timedProgressCountsFromTheSubscriptionAndNeverGoesBack() {
        var steps = ClientFileTransfer.Progress.timed(Flux.range(1, 3).delayElements(Duration.ofMillis(20))
                .map(i -> new ClientFileTransfer.Progress(i * 100L, 300, "ibb"))).collectList().block(Duration.ofSeconds(5));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).elapsed()).isPositive();
        assertThat(steps.get(1).elapsed()).isGreaterThanOrEqualTo(steps.get(0).elapsed());
        assertThat(steps.get(2).elapsed()).isGreaterThanOrEqualTo(steps.get(1).elapsed());
        assertThat(steps.get(2).bytes()).isEqualTo(300);
    }
}
