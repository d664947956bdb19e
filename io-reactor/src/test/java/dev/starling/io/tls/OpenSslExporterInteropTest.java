package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starling.model.Bytes;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent check of the RFC 9266 value: OpenSSL's own exporter ({@code -keymatexport}) on the other end
 * of a loopback TLS 1.3 connection must give the same 32 bytes. Skipped where no {@code openssl} is installed.
 */
class OpenSslExporterInteropTest {

    private static final String DOMAIN = "example.com";
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");

    @Test
    void ourServerAgreesWithOpenSslsClient() throws Exception {
        assumeTrue(openSslAvailable(), "openssl is not installed");
        TlsCredentials credentials = SelfSignedCertificate.generate(DOMAIN);
        try (TlsLoopback loopback = new TlsLoopback();
             TlsLoopback.Server server = loopback.serve(TrustPolicy.system().serverContext(credentials, false).get())) {
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                    "-servername", DOMAIN, "-tls1_3", "-keymatexport", "EXPORTER-Channel-Binding",
                    "-keymatexportlen", "32")
                    .redirectErrorStream(true).start();
            try {
                client.getOutputStream().close();
                String output = readAll(client);
                SslHandler handler = server.firstConnection().get();

                assertThat(ChannelBindings.of(handler).tlsExporter()).contains(keyingMaterial(output));
            } finally {
                client.destroy();
            }
        }
    }

    @Test
    void ourClientAgreesWithOpenSslsServer(@TempDir Path directory) throws Exception {
        assumeTrue(openSslAvailable(), "openssl is not installed");
        TlsCredentials credentials = SelfSignedCertificate.generate(DOMAIN);
        Path certificate = Files.writeString(directory.resolve("cert.pem"),
                pem("CERTIFICATE", credentials.certificate().getEncoded()));
        Path key = Files.writeString(directory.resolve("key.pem"),
                pem("PRIVATE KEY", credentials.privateKey().getEncoded()));
        int port = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
                "-cert", certificate.toString(), "-key", key.toString(), "-tls1_3",
                "-keymatexport", "EXPORTER-Channel-Binding", "-keymatexportlen", "32")
                .redirectErrorStream(true).start();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        try {
            awaitAccept(output);
            SslHandler[] handler = new SslHandler[1];
            var context = TrustPolicy.pinned(List.of(TrustPolicy.pinOf(credentials.certificate())))
                    .clientContext(Option.none()).get();
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            handler[0] = context.newHandler(ch.alloc(), DOMAIN, port);
                            ch.pipeline().addLast(handler[0]);
                        }
                    })
                    .connect("127.0.0.1", port).sync().channel();
            assertThat(handler[0].handshakeFuture().await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(handler[0].handshakeFuture().isSuccess()).isTrue();
            Option<Bytes> ours = ChannelBindings.of(handler[0]).tlsExporter();
            channel.close().sync();

            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(ours).contains(keyingMaterial(output.lines().collect(Collectors.joining("\n"))));
        } finally {
            server.destroy();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static boolean openSslAvailable() {
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String readAll(Process process) throws Exception {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroy();
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Bytes keyingMaterial(String output) {
        Matcher matcher = KEYING_MATERIAL.matcher(output);
        assertThat(matcher.find()).as("openssl printed keying material:%n%s", output).isTrue();
        return Bytes.of(HexFormat.of().parseHex(matcher.group(1)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** s_server prints ACCEPT once it listens; a probe connection would use up its only accept. */
    private static void awaitAccept(BufferedReader output) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("ACCEPT")) {
                return;
            }
        }
        throw new IllegalStateException("openssl s_server ended before listening");
    }
}
