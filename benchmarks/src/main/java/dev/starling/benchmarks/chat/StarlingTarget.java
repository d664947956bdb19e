package dev.starling.benchmarks.chat;

import io.vavr.control.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** The Starling server of the chat run: a {@link ChatServer} in a {@link ChildJvm}. */
final class StarlingTarget implements ChatTarget {

    private final ChildJvm child;

    private StarlingTarget(ChildJvm child) {
        this.child = child;
    }

    static StarlingTarget start(int users, int ioThreads) throws IOException {
        return new StarlingTarget(ChildJvm.start(ChatServer.class, List.of(Integer.toString(users), Integer.toString(ioThreads))));
    }

    @Override
    public String name() {
        return "Starling";
    }

    @Override
    public InetSocketAddress address() {
        return child.address();
    }

    @Override
    public Path certificate() {
        return child.certificate();
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
