package dev.starling.model.si;

import io.vavr.control.Option;

/**
 * What a receiver may call a file a peer offers: the offered name's last path segment, never a
 * path. A name that leaves nothing usable ({@code ..}, {@code .}, empty, or with control
 * characters) is refused, so that a file is never written outside the target directory.
 */
public final class FileNames {

    private FileNames() {
    }

    /** The safe file name for an offered name, if there is one. */
    public static Option<String> safe(String offered) {
        int cut = Math.max(offered.lastIndexOf('/'), offered.lastIndexOf('\\'));
        String name = offered.substring(cut + 1).strip();
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || control || name.indexOf(':') >= 0) {
            return Option.none();
        }
        return Option.some(name);
    }
}
