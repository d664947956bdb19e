package dev.starling.conformance.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: a plain TCP connection that sends raw bytes to a server and reads everything it
 * answers until the server closes the connection (or a deadline passes).
 */
final class RawConnection implements AutoCloseable {

    static final String HEADER = "<?xml version='1.0'?><stream:stream to='localhost' version='1.0' xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams'>";

    private final Socket socket = new Socket();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean closedByServer;

    RawConnection(InetSocketAddress address) throws IOException {
        socket.connect(address, 5000);
        socket.setSoTimeout(200);
    }

    RawConnection send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads until the server closes the connection or the deadline passes; returns all it sent. */
    String readUntilClosed(long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (System.currentTimeMillis() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    closedByServer = true;
                    break;
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException idle) {
                // keep waiting until the deadline
            } catch (IOException reset) {
                closedByServer = true;
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Reads until what the server sent so far contains {@code marker} or the deadline passes; returns all it sent. */
    String readUntil(String marker, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (System.currentTimeMillis() < deadline && !received.toString(StandardCharsets.UTF_8).contains(marker)) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    closedByServer = true;
                    break;
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException idle) {
                // keep waiting until the deadline
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
