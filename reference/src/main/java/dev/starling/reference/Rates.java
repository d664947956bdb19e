package dev.starling.reference;

import dev.starling.io.client.ClientFileTransfer;

import java.util.Locale;

/** How the command line prints a transfer's mean rate. */
final class Rates {

    private Rates() {
    }

    /** The mean rate of a transfer so far, e.g. {@code 12.3 MiB/s}. */
    static String describe(ClientFileTransfer.Progress progress) {
        double rate = progress.bytesPerSecond();
        return rate >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB/s", rate / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f KiB/s", rate / 1024);
    }
}
