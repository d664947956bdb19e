package dev.starling.io.bytestreams;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * How a bytestream connection reads: in buffers that grow from 64 KiB up to 1 MiB while the
 * socket has that much waiting, instead of Netty's default that starts at 2 KiB and stops at
 * 64 KiB. A file crosses a bytestream in bulk, so fewer, larger reads mean fewer system calls
 * and fewer hand-overs from the event loop to the writer.
 */
final class BulkReads {

    /** The largest read: paired 256 MiB transfers took 0.42 s against 0.49 to 0.60 with 64 KiB reads (direct), 0.52 against 0.63 to 0.73 (proxied). */
    static final int MAX = 1 << 20;

    private BulkReads() {
    }

    /** The allocator for a bytestream connection's reads. */
    static RecvByteBufAllocator allocator() {
        return new AdaptiveRecvByteBufAllocator(64 * 1024, 64 * 1024, MAX);
    }
}
