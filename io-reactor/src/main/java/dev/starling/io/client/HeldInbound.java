package dev.starling.io.client;

import io.netty.buffer.ByteBuf;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

/**
 * A bytestream connection's input, subscribed to as soon as the connection is made but read only
 * once {@link #flux()} is: until then no byte is requested, so the connection's reads pause (TCP
 * pushes back) instead of being dropped. A Jingle receiver needs this because the sender may
 * start on a nominated candidate (XEP-0260 §2.4) before the receiver has learned of the
 * nomination, and reactor-netty releases the unread input of a connection that closes with no
 * subscriber. The buffers are retained; the reader releases them.
 */
final class HeldInbound implements CoreSubscriber<ByteBuf> {

    private Subscription subscription;
    private reactor.core.publisher.FluxSink<ByteBuf> sink;
    private Throwable error;
    private boolean completed;

    private HeldInbound() {
    }

    /** Holds this connection's input from now on. */
    static HeldInbound of(Connection connection) {
        HeldInbound held = new HeldInbound();
        connection.inbound().receive().retain().subscribe(held);
        return held;
    }

    @Override
    public synchronized void onSubscribe(Subscription s) {
        subscription = s;
    }

    @Override
    public void onNext(ByteBuf buffer) {
        reactor.core.publisher.FluxSink<ByteBuf> reader;
        synchronized (this) {
            reader = sink;
        }
        if (reader == null) { // never requested: cannot happen, but never leak
            buffer.release();
            return;
        }
        reader.next(buffer);
    }

    @Override
    public synchronized void onError(Throwable failure) {
        if (sink != null) {
            sink.error(failure);
        } else {
            error = failure;
        }
    }

    @Override
    public synchronized void onComplete() {
        if (sink != null) {
            sink.complete();
        } else {
            completed = true;
        }
    }

    /** The input, for one reader: what arrived since the connection was made, then the rest. */
    Flux<ByteBuf> flux() {
        return Flux.create(reader -> {
            synchronized (this) {
                sink = reader;
                if (error != null) {
                    reader.error(error);
                    return;
                }
                if (completed) {
                    reader.complete();
                    return;
                }
            }
            reader.onRequest(subscription::request);
            reader.onCancel(subscription::cancel);
        });
    }
}
