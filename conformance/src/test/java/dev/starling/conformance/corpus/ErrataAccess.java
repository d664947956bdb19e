package dev.starling.conformance.corpus;

/** Test access to the errata, for replays outside this package. */
public final class ErrataAccess {

    private ErrataAccess() {
    }

    /** The fixed text of an erratum of a document. */
    public static String fix(String spec, String fileName, int example) {
        Erratum erratum = Errata.of(SpecCorpus.read(fileName)).get(example);
        if (erratum == null || erratum.fix() == null) {
            throw new IllegalArgumentException(spec + " example " + example + " has no fix");
        }
        return erratum.fix();
    }
}
