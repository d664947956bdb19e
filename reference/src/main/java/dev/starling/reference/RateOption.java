package dev.starling.reference;

import dev.starling.machine.stream.server.RateLimit;
import io.vavr.control.Option;

/** A {@code --stanza-rate} or {@code --presence-rate} value: {@code BURST/PER_SECOND} (e.g. {@code 100/10}) or {@code off}. */
final class RateOption {

    private RateOption() {
    }

    static Option<RateLimit> parse(String value) {
        if (value.equals("off")) {
            return Option.none();
        }
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a rate is BURST/PER_SECOND (e.g. 100/10) or off, not " + value);
        }
        return Option.some(new RateLimit(Integer.parseInt(value.substring(0, slash)), Double.parseDouble(value.substring(slash + 1))));
    }
}
