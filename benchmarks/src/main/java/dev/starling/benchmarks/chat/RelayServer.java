package dev.starling.benchmarks.chat;

import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TrustPolicy;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the chat run: the least a server must do per chat message on the same stack as Starling's,
 * run in a {@link dev.starling.benchmarks.ChildJvm} and loaded like the XMPP servers ({@link RelayFloor}). One Netty event loop
 * (native epoll where available, as reactor-netty picks), the Starling server's TLS context (BoringSSL) when
 * the first argument is {@code tls}, plain TCP when it is {@code tcp}; each connection first sends its user
 * number on a line, and from then on every buffer it delivers is written, as it is, to the next user's
 * connection. No XML, no XMPP, no Reactor: what is left is the kernel's reads, writes and wake-ups, TLS
 * record protection and Netty's channel. Prints {@code READY <port> <certificate PEM file>}; exits when its
 * input closes.
 */
public final class RelayServer {

    private RelayServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean tls = args[0].equals("tls");
        int users = Integer.parseInt(args[1]);
        TlsCredentials certificate = SelfSignedCertificate.generate("localhost");
        SslContext ssl = TrustPolicy.system().serverContext(certificate, false).get();
        Channel[] connections = new Channel[users]; // read and written on the one event loop only
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerSocketChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Channel server = new ServerBootstrap().group(loop).channel(channel)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        if (tls) {
                            connection.pipeline().addLast(ssl.newHandler(connection.alloc()));
                        }
                        connection.pipeline().addLast(new Forwarder(connections));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        Path pem = dev.starling.benchmarks.CertificatePem.writeTemporary(certificate.certificate(), "starling-relay");
        System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort() + " " + pem);
        System.out.flush();
        InputStream commands = System.in;
        while (commands.read() >= 0) {
            // the parent's input is only watched for its end
        }
        server.close().sync();
        loop.shutdownGracefully().sync();
        Files.deleteIfExists(pem);
    }

    /** Learns its connection's user number from the first line, then forwards every buffer to the next user. */
    private static final class Forwarder extends ChannelInboundHandlerAdapter {

        private final Channel[] connections;
        private int user = -1;

        Forwarder(Channel[] connections) {
            this.connections = connections;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            if (user < 0) {
                int newline = bytes.indexOf(bytes.readerIndex(), bytes.writerIndex(), (byte) '\n');
                if (newline < 0) { // the hello line is a few bytes and comes in one read
                    bytes.release();
                    ctx.close();
                    return;
                }
                user = Integer.parseInt(bytes.toString(bytes.readerIndex(), newline - bytes.readerIndex(), StandardCharsets.US_ASCII));
                connections[user] = ctx.channel();
                bytes.readerIndex(newline + 1);
                if (!bytes.isReadable()) {
                    bytes.release();
                    return;
                }
            }
            Channel next = connections[user + 1 == connections.length ? 0 : user + 1];
            if (next == null) {
                bytes.release();
            } else {
                next.writeAndFlush(bytes, next.voidPromise());
            }
        }
    }
}
