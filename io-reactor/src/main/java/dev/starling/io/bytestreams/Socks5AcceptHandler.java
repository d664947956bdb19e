package dev.starling.io.bytestreams;

import dev.starling.machine.bytestreams.Socks5Accepting;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.Socks5Message;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequestDecoder;
import io.netty.handler.codec.socksx.v5.Socks5ServerEncoder;
import io.netty.util.ReferenceCountUtil;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.util.function.Function;

/**
 * Runs the streamhost's side of the SOCKS5 handshake on one connection: Netty's codec reads and
 * writes, {@link Socks5Accepting} decides, {@code admit} says whether a hash is expected. Once
 * accepted, the codec and this handler leave the pipeline, so the connection carries raw bytes,
 * and {@link #accepted()} emits the hash.
 */
final class Socks5AcceptHandler extends ChannelInboundHandlerAdapter {

    private static final String INITIAL = "socks5-initial";
    private static final String COMMAND = "socks5-command";
    private static final String ENCODER = "socks5-encoder";
    private static final String HANDSHAKE = "socks5-accept";

    private final Function<String, Mono<Boolean>> admit;
    private final boolean holdAfter;
    private final Sinks.One<String> accepted = Sinks.one();
    private Socks5Accepting.State state = Socks5Accepting.initial();

    private Socks5AcceptHandler(Function<String, Mono<Boolean>> admit, boolean holdAfter) {
        this.admit = admit;
        this.holdAfter = holdAfter;
    }

    /**
     * Installs the codec and a handler on a new connection; the Mono emits the hash once the handshake succeeded.
     * With {@code holdAfter}, the connection stops reading once accepted, until its owner reads again.
     */
    static Mono<String> install(Connection connection, boolean holdAfter, Function<String, Mono<Boolean>> admit) {
        Socks5AcceptHandler handler = new Socks5AcceptHandler(admit, holdAfter);
        connection.addHandlerFirst(ENCODER, Socks5ServerEncoder.DEFAULT)
                .addHandlerLast(INITIAL, new Socks5InitialRequestDecoder())
                .addHandlerLast(HANDSHAKE, handler);
        // a Reactor Netty server reads only on demand of the connection's inbound, which nobody has subscribed yet
        connection.channel().config().setAutoRead(true);
        return handler.accepted();
    }

    Mono<String> accepted() {
        return accepted.asMono();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Option<Socks5Message> message = Socks5Messages.read(msg);
        ReferenceCountUtil.release(msg);
        if (message.isEmpty()) {
            close(ctx, "not a SOCKS5 message");
            return;
        }
        if (message.get() instanceof Socks5Message.Greeting) {
            ctx.pipeline().addBefore(HANDSHAKE, COMMAND, new Socks5CommandRequestDecoder()); // RFC 1928 §4 follows §3
        }
        feed(ctx, new Socks5Accepting.Input.Received(message.get()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        accepted.tryEmitError(new java.io.IOException("the SOCKS5 client left during the handshake"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        close(ctx, "SOCKS5 handshake failed: " + cause.getMessage());
    }

    private void feed(ChannelHandlerContext ctx, Socks5Accepting.Input input) {
        Step<Socks5Accepting.State, Socks5Accepting.Output> step = Socks5Accepting.step(state, input);
        state = step.state();
        for (Socks5Accepting.Output output : step.outputs()) {
            if (output instanceof Socks5Accepting.Output.Send send) {
                ctx.writeAndFlush(Socks5Messages.write(send.message()));
            } else if (output instanceof Socks5Accepting.Output.Requested requested) {
                admit.apply(requested.dstAddr()).defaultIfEmpty(false).onErrorReturn(false).subscribe(
                        admitted -> ctx.executor().execute(() -> feed(ctx, new Socks5Accepting.Input.Decided(admitted))));
            } else if (output instanceof Socks5Accepting.Output.Accepted done) {
                if (holdAfter) {
                    ctx.channel().config().setAutoRead(false);
                }
                ctx.pipeline().remove(COMMAND);
                ctx.pipeline().remove(INITIAL);
                ctx.pipeline().remove(ENCODER);
                ctx.pipeline().remove(this);
                accepted.tryEmitValue(done.dstAddr());
            } else if (output instanceof Socks5Accepting.Output.Close close) {
                close(ctx, close.reason());
            }
        }
    }

    private void close(ChannelHandlerContext ctx, String reason) {
        accepted.tryEmitError(new java.io.IOException(reason));
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
