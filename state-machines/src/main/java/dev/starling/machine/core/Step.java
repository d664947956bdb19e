package dev.starling.machine.core;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The result of feeding one input to a machine: its next state and the outputs to perform, in
 * order. Outputs are data (send this, start that timer), never actions.
 *
 * @param state   the next state
 * @param outputs what the I/O shell must do, in order
 * @param <S>     the state type
 * @param <O>     the output type
 */
public record Step<S, O>(S state, Seq<O> outputs) {

    public Step {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outputs, "outputs");
    }

    /** A step to a state with these outputs. */
    @SafeVarargs
    public static <S, O> Step<S, O> of(S state, O... outputs) {
        return new Step<>(state, Array.of(outputs));
    }

    /** A step to a state with these outputs. */
    public static <S, O> Step<S, O> of(S state, Seq<? extends O> outputs) {
        return new Step<>(state, Array.ofAll(outputs));
    }

    /** This step with more outputs after its own. */
    @SafeVarargs
    public final Step<S, O> andThen(O... more) {
        return new Step<>(state, outputs.appendAll(Array.of(more)));
    }

    /** This step with more outputs before its own. */
    @SafeVarargs
    public final Step<S, O> precededBy(O... earlier) {
        return new Step<>(state, Array.of(earlier).appendAll(outputs));
    }
}
