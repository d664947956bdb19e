package dev.starling.io.bytestreams;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;

/**
 * One direction of an activated proxy pair (XEP-0065 §6.3.5: the proxy relays what one side writes to the other)
 * as a Netty handler on the source's pipeline: each buffer read is written to the target as it is, the writes of
 * one read burst are flushed together, and while the target's outbound buffer is above its high-water mark the
 * source stops reading, so the proxy holds at most about one socket buffer per direction. Reading to the end
 * includes what arrives with the source's FIN; when the source is closed, an empty write queued behind the
 * relayed bytes marks the moment all of them are written.
 */
final class PipelineRelay extends ChannelInboundHandlerAdapter {

    private static final String NAME = "starling-relay";
    private static final String WATCHER = "starling-relay-writability";

    private final Channel source;
    private final Channel target;
    private final MonoSink<Void> done;

    private PipelineRelay(Channel source, Channel target, MonoSink<Void> done) {
        this.source = source;
        this.target = target;
        this.done = done;
    }

    /** Relays {@code from} to {@code to} until {@code from} closes and all it sent is written (or {@code to} fails). */
    static Mono<Void> relay(Connection from, Connection to) {
        return Mono.create(done -> from.channel().eventLoop().execute(() -> {
            PipelineRelay relay = new PipelineRelay(from.channel(), to.channel(), done);
            to.channel().pipeline().addFirst(WATCHER + "-" + from.channel().id().asShortText(), relay.new Writability());
            from.addHandlerLast(NAME, relay);
            if (!from.channel().isActive()) {
                relay.sourceEnded();
            }
            from.channel().config().setAutoRead(true); // a relaying listener stopped reading after the handshake
        }));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        target.write(msg, target.voidPromise());
        if (!target.isWritable()) {
            source.config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        target.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sourceEnded();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a broken source ends its direction; the relay completes once what was read is written
    }

    private void sourceEnded() {
        target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> done.success());
    }

    /** Resumes reading the source once the target has drained below its low-water mark. */
    private final class Writability extends ChannelInboundHandlerAdapter {

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                source.config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }
    }
}
