package dev.starling.benchmarks.files;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;

/**
 * The baseline: a file copied over one loopback TCP connection with the kernel's zero-copy
 * {@code transferTo} on the sending side, and read into a {@link #BUFFER} and written to the
 * target file on the receiving side, as the SOCKS5 sender and a disk-writing receiver would at
 * best.
 */
final class RawCopy {

    /**
     * The receiving buffer, the size of the largest read of a Starling bytestream connection
     * ({@code BulkReads}), so that the copies compare at the same buffer size. (The JDK's
     * {@code transferFrom} from a socket, used before, reads 8 KiB at a time.)
     */
    static final int BUFFER = 1 << 20;

    private RawCopy() {
    }

    /**
     * The same copy verified as a file transfer does it: the sender reads the file once for its
     * digest ({@code MD5} for XEP-0096, {@code SHA-256} for XEP-0234 with XEP-0300) before
     * sending, and the receiver reads the socket into a {@link #BUFFER}, hashes it, writes it to the
     * file and, at the end, forces the file to disk (as a receiver must before it moves a verified
     * file into place); the digests must match.
     */
    static void copyVerified(Path source, Path target, String algorithm) throws Exception {
        byte[] expected = digest(source, algorithm);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel in = server.accept();
                     FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                             StandardOpenOption.TRUNCATE_EXISTING)) {
                    MessageDigest digest = MessageDigest.getInstance(algorithm);
                    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                    while (in.read(buffer) >= 0) {
                        buffer.flip();
                        digest.update(buffer.duplicate());
                        while (buffer.hasRemaining()) {
                            out.write(buffer);
                        }
                        buffer.clear();
                    }
                    out.force(true);
                    return digest.digest();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SocketChannel out = SocketChannel.open(server.getLocalAddress());
                 FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                long size = in.size();
                for (long position = 0; position < size; ) {
                    position += in.transferTo(position, size - position, out);
                }
            }
            if (!MessageDigest.isEqual(expected, received.get())) {
                throw new IllegalStateException("the digests differ");
            }
        }
    }

    private static byte[] digest(Path file, String algorithm) throws Exception {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return digest.digest();
    }

    static void copy(Path source, Path target) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            CompletableFuture<Void> received = CompletableFuture.runAsync(() -> {
                try (SocketChannel in = server.accept();
                     FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                             StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
                    while (in.read(buffer) >= 0) {
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            out.write(buffer);
                        }
                        buffer.clear();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SocketChannel out = SocketChannel.open(server.getLocalAddress());
                 FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                long size = in.size();
                for (long position = 0; position < size; ) {
                    position += in.transferTo(position, size - position, out);
                }
            }
            received.get();
        }
    }
}
