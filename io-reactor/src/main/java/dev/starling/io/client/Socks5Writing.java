package dev.starling.io.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.nio.file.Path;

/**
 * Writes a file's range over an established SOCKS5 bytestream (XEP-0065, XEP-0260) with Netty's
 * zero-copy file transfer, 4 MiB at a time with four writes queued (all issued from the channel's
 * event loop, so they stay in order), reporting progress after each; then shuts its output down (the end of the file, as receivers that read to the end, such
 * as Smack's, expect) and completes when the receiver closes its side after reading everything.
 */
final class Socks5Writing {

    private static final long CHUNK = 4L << 20;
    /** Chunks queued on the socket at once, so the kernel never waits for the next write. */
    private static final int IN_FLIGHT = 4;

    private Socks5Writing() {
    }

    static Flux<ClientFileTransfer.Progress> write(Connection connection, Path file, long position, long total, String method) {
        long chunks = (total + CHUNK - 1) / CHUNK;
        Mono<Void> endOfFile = Mono.create(sink -> ((io.netty.channel.socket.SocketChannel) connection.channel()).shutdownOutput()
                .addListener(done -> sink.success()));
        // every write is issued from the channel's own event loop, in chunk order: a write issued from another thread is queued,
        // and a chunk that completes at once would otherwise let the next chunk's write, issued on the loop, overtake the queue
        return Flux.range(0, (int) chunks).publishOn(reactor.core.scheduler.Schedulers.fromExecutor(connection.channel().eventLoop()), IN_FLIGHT)
                .flatMapSequential(i -> {
                    long offset = i * CHUNK;
                    long length = Math.min(CHUNK, total - offset);
                    return connection.outbound().sendFile(file, position + offset, length).then()
                            .thenReturn(new ClientFileTransfer.Progress(offset + length, total, method));
                }, IN_FLIGHT)
                .concatWith(endOfFile.then(connection.inbound().receive().then()).timeout(ClientFileTransfer.IDLE)
                        .then(Mono.just(new ClientFileTransfer.Progress(total, total, method))))
                .onErrorMap(error -> !(error instanceof FileTransferException), error -> new FileTransferException("the SOCKS5 bytestream broke: " + error, error));
    }
}
