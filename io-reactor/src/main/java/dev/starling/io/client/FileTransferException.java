package dev.starling.io.client;

/** A file transfer that did not deliver the whole file: refused, failed on the way, or not verified. */
public class FileTransferException extends RuntimeException {

    /** @param message what happened */
    public FileTransferException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the error behind it
     */
    public FileTransferException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The sender sent more than the size it offered (XEP-0234 §7.2: the receiver may abort with {@code <file-too-large/>}). */
    public static final class TooLarge extends FileTransferException {

        /** @param message what happened */
        public TooLarge(String message) {
            super(message);
        }
    }
}
