package dev.starling.conformance.corpus;

import java.util.List;

/** Test access to the corpus's speaker-turn splitting, for replays outside this package. */
public final class SpeakerTurnsAccess {

    private SpeakerTurnsAccess() {
    }

    /** The turns of an example text. */
    public static List<ExamplePart> split(String text) {
        return SpeakerTurns.split(text);
    }
}
