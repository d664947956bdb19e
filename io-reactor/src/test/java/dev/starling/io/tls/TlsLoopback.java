package dev.starling.io.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.vavr.control.Try;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Netty TLS servers and clients on 127.0.0.1 that shake hands once; each side's outcome is reported. */
final class TlsLoopback implements AutoCloseable {

    /**
     * Each side's handler after a successful handshake, or why it failed, and the server names (SNI) the server's
     * session reported when its handshake completed (read then: a closed OpenSSL engine has freed them).
     */
    record Outcome(Try<SslHandler> client, Try<SslHandler> server, Try<List<SNIServerName>> serverNames) {
    }

    /** A listening TLS server; {@link #firstConnection()} is the handshake of the first client. */
    final class Server implements AutoCloseable {
        private final Channel channel;
        private final CompletableFuture<SslHandler> first;
        private final CompletableFuture<List<SNIServerName>> firstNames;

        private Server(Channel channel, CompletableFuture<SslHandler> first, CompletableFuture<List<SNIServerName>> firstNames) {
            this.channel = channel;
            this.first = first;
            this.firstNames = firstNames;
        }

        int port() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        Try<SslHandler> firstConnection() {
            return finished(first);
        }

        Try<List<SNIServerName>> firstServerNames() {
            return Try.of(() -> firstNames.get(10, TimeUnit.SECONDS));
        }

        @Override
        public void close() {
            channel.close().syncUninterruptibly();
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    /** Starts a server on 127.0.0.1 with an ephemeral port. */
    Server serve(SslContext serverContext) throws InterruptedException {
        CompletableFuture<SslHandler> first = new CompletableFuture<>();
        CompletableFuture<List<SNIServerName>> firstNames = new CompletableFuture<>();
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel child) {
                        SslHandler handler = serverContext.newHandler(child.alloc());
                        child.pipeline().addLast(handler);
                        handler.handshakeFuture().addListener(done -> {
                            if (done.isSuccess() && handler.engine().getSession() instanceof ExtendedSSLSession session) {
                                firstNames.complete(session.getRequestedServerNames());
                            } else {
                                firstNames.completeExceptionally(new IllegalStateException("no completed server session"));
                            }
                        });
                        first.complete(handler);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        return new Server(channel, first, firstNames);
    }

    /** Connects a client for {@code domain} (its engine's peer host, hence SNI and identity) to a new server. */
    Outcome handshake(SslContext serverContext, SslContext clientContext, String domain) throws InterruptedException {
        try (Server server = serve(serverContext)) {
            CompletableFuture<SslHandler> clientHandler = new CompletableFuture<>();
            Channel client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            SslHandler handler = clientContext.newHandler(channel.alloc(), domain, server.port());
                            channel.pipeline().addLast(handler);
                            clientHandler.complete(handler);
                        }
                    })
                    .connect("127.0.0.1", server.port()).sync().channel();
            try {
                Try<SslHandler> clientSide = finished(clientHandler);
                return new Outcome(clientSide, server.firstConnection(), server.firstServerNames());
            } finally {
                client.close().sync();
            }
        }
    }

    private static Try<SslHandler> finished(CompletableFuture<SslHandler> handler) {
        return Try.of(() -> {
            SslHandler ssl = handler.get(10, TimeUnit.SECONDS);
            io.netty.util.concurrent.Future<Channel> done = ssl.handshakeFuture();
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the handshake did not finish");
            }
            if (!done.isSuccess()) {
                throw done.cause();
            }
            return ssl;
        });
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
