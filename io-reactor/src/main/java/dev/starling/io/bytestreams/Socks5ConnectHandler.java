package dev.starling.io.bytestreams;

import dev.starling.machine.bytestreams.Socks5Connecting;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.Socks5Message;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.socksx.v5.Socks5ClientEncoder;
import io.netty.handler.codec.socksx.v5.Socks5CommandResponseDecoder;
import io.netty.handler.codec.socksx.v5.Socks5InitialResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.io.IOException;

/**
 * Runs the connecting side of the SOCKS5 handshake on one connection, as
 * {@link Socks5Connecting} decides; once connected, the codec and this handler leave the
 * pipeline and the connection carries raw bytes.
 */
final class Socks5ConnectHandler extends ChannelInboundHandlerAdapter {

    private static final String INITIAL = "socks5-initial";
    private static final String COMMAND = "socks5-command";
    private static final String ENCODER = "socks5-encoder";
    private static final String HANDSHAKE = "socks5-connect";

    private final String dstAddr;
    private final Sinks.Empty<Void> connected = Sinks.empty();
    private Socks5Connecting.Phase phase = Socks5Connecting.Phase.IDLE;

    private Socks5ConnectHandler(String dstAddr) {
        this.dstAddr = dstAddr;
    }

    /** Installs the codec and starts the handshake on an open connection; completes once it is connected. */
    static Mono<Void> install(Connection connection, String dstAddr) {
        Socks5ConnectHandler handler = new Socks5ConnectHandler(dstAddr);
        connection.addHandlerFirst(ENCODER, Socks5ClientEncoder.DEFAULT)
                .addHandlerLast(INITIAL, new Socks5InitialResponseDecoder())
                .addHandlerLast(HANDSHAKE, handler);
        connection.channel().config().setAutoRead(true); // Reactor Netty reads only on the inbound's demand, which comes later
        ChannelHandlerContext ctx = connection.channel().pipeline().context(HANDSHAKE);
        ctx.executor().execute(() -> handler.feed(ctx, new Socks5Connecting.Input.Start()));
        return handler.connected.asMono();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Option<Socks5Message> message = Socks5Messages.read(msg);
        ReferenceCountUtil.release(msg);
        if (message.isEmpty()) {
            fail(ctx, "the streamhost does not speak SOCKS5");
            return;
        }
        if (message.get() instanceof Socks5Message.MethodSelection) {
            ctx.pipeline().addBefore(HANDSHAKE, COMMAND, new Socks5CommandResponseDecoder());
        }
        feed(ctx, new Socks5Connecting.Input.Received(message.get()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connected.tryEmitError(new IOException("the streamhost closed the connection during the SOCKS5 handshake"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, "SOCKS5 handshake failed: " + cause.getMessage());
    }

    private void feed(ChannelHandlerContext ctx, Socks5Connecting.Input input) {
        Step<Socks5Connecting.Phase, Socks5Connecting.Output> step = Socks5Connecting.step(dstAddr, phase, input);
        phase = step.state();
        for (Socks5Connecting.Output output : step.outputs()) {
            if (output instanceof Socks5Connecting.Output.Send send) {
                ctx.writeAndFlush(Socks5Messages.write(send.message()));
            } else if (output instanceof Socks5Connecting.Output.Connected) {
                ctx.pipeline().remove(COMMAND);
                ctx.pipeline().remove(INITIAL);
                ctx.pipeline().remove(ENCODER);
                ctx.pipeline().remove(this);
                connected.tryEmitEmpty();
            } else if (output instanceof Socks5Connecting.Output.Failed failed) {
                fail(ctx, failed.reason());
            }
        }
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        connected.tryEmitError(new IOException(reason));
        ctx.close();
    }
}
