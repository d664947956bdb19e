package dev.starling.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server's data directory: the account database and the TLS certificate live here. */
final class DataDirectory {

    /** The default, relative to the working directory. */
    static final String DEFAULT = "starling-data";

    private DataDirectory() {
    }

    /** The directory, created if missing. */
    static Path open(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }
}
