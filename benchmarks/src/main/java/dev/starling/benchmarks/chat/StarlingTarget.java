package dev.starling.benchmarks.chat;

import dev.starling.benchmarks.ChildJvm;
import io.vavr.control.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The Starling server of the chat run: a {@link ChatServer} in a {@link ChildJvm}, by default with a fixed 512 MiB heap
 * touched at start, so that its resident-memory growth per idle session is what the session holds outside the heap.
 */
final class StarlingTarget implements ChatTarget {

    /** The child's default JVM options: a fixed heap, every page touched at start. */
    static final String PINNED_HEAP = "-Xms512m -Xmx512m -XX:+AlwaysPreTouch";

    private final ChildJvm child;

    private StarlingTarget(ChildJvm child) {
        this.child = child;
    }

    static StarlingTarget start(int users, int ioThreads) throws IOException {
        return new StarlingTarget(ChildJvm.start(ChatServer.class, List.of(Integer.toString(users), Integer.toString(ioThreads)), PINNED_HEAP));
    }

    @Override
    public String name() {
        return "Starling";
    }

    @Override
    public InetSocketAddress address() {
        return child.port(0);
    }

    @Override
    public Path certificate() {
        return child.path(1);
    }

    @Override
    public ProcessHandle process() {
        return child.process();
    }

    @Override
    public boolean registersInBand() {
        return false;
    }

    @Override
    public Option<Long> heapBytes() throws IOException {
        return Option.some(Long.parseLong(child.ask("HEAP")));
    }

    @Override
    public void close() throws Exception {
        child.close();
    }
}
