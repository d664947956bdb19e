package dev.starling.benchmarks.chat;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The chat load run (issue 4): the same {@link ChatRun} against the Starling server (a child JVM)
 * and, when {@code interop/peers.sh start} runs them, Prosody and ejabberd, one after the other in
 * one run, with the same users, rate and duration; a report in Markdown with Starling's figures as
 * ratios to each peer's. Before them, in the same run, two {@link RelayFloor}s (a byte relay over the same TLS,
 * and over plain TCP) measure the least any server on this stack pays per message; every server's CPU per
 * message is also given as a ratio to them.
 *
 * <p>Usage: {@code java -cp benchmarks/target/starling-benchmarks.jar
 * dev.starling.benchmarks.chat.RunChatBenchmarks [users] [messages per second] [seconds] [idle sessions] [io threads]
 * [warm-up seconds]}, defaults 50, 400, 20, 200, 1 and 60 (the Starling server's event loops; Prosody, too, serves on one thread). Peers' accounts {@code chat0..} are registered in-band on first use
 * with the password {@value #PEER_PASSWORD}.
 */
public final class RunChatBenchmarks {

    static final String PEER_PASSWORD = "chat-secret";

    private static final String TLS_FLOOR = "TLS relay (floor)";

    private RunChatBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 400;
        Duration window = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int idle = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int ioThreads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        // the JVM's JIT settles: at 30 s the compilers still took a quarter of the window's CPU; the peers get the same warm-up
        Duration warmup = Duration.ofSeconds(args.length > 5 ? Integer.parseInt(args[5]) : 60);

        Array<Tuple2<String, ChatRun.Result>> floors = Array.empty();
        for (boolean tls : new boolean[]{true, false}) {
            String name = tls ? TLS_FLOOR : "TCP relay (floor)";
            floors = floors.append(Tuple.of(name, new ChatRun.Result(RelayFloor.run(tls, users, rate, warmup, window), Double.NaN, Option.none())));
            System.err.println("progress: " + name + " done");
        }
        Array<Tuple2<String, ChatRun.Result>> results = Array.empty();
        try (StarlingTarget starling = StarlingTarget.start(users, ioThreads)) {
            results = results.append(Tuple.of(starling.name(), ChatRun.run(starling, ChatServer.PASSWORD, users, rate, warmup, window, idle)));
            System.err.println("progress: " + starling.name() + " done");
        }
        for (Option<ChatTarget> peer : Array.of(PeerTarget.find("Prosody", "prosody", 25222), PeerTarget.find("ejabberd", "ejabberd", 35222))) {
            if (peer.isEmpty()) {
                System.err.println("a peer is not running (interop/peers.sh start): it is left out");
                continue;
            }
            try {
                results = results.append(Tuple.of(peer.get().name(), ChatRun.run(peer.get(), PEER_PASSWORD, users, rate, warmup, window, idle)));
                System.err.println("progress: " + peer.get().name() + " done");
            } catch (RuntimeException failed) { // a peer that falls over (e.g. out of file descriptors) is reported, not fatal
                System.err.println(peer.get().name() + " failed under the load and is left out: " + failed);
            }
        }
        print(users, rate, warmup, window, idle, results, floors);
    }

    private static void print(int users, double rate, Duration warmup, Duration window, int idle,
                              Seq<Tuple2<String, ChatRun.Result>> results, Seq<Tuple2<String, ChatRun.Result>> floors) {
        System.out.printf("%n## Chat load: %d users, %.0f messages/s offered, %d s measured after %d s warm-up; %d idle sessions%n%n",
                users, rate, window.toSeconds(), warmup.toSeconds(), idle);
        System.out.println("| server | due | delivered | server CPU per message (µs) | p50 latency (ms) | p99 latency (ms) | max (ms) "
                + "| RSS per idle session (KiB) | heap per idle session (KiB) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Tuple2<String, ChatRun.Result> r : floors.appendAll(results)) {
            OpenLoop.Measured x = r._2.window();
            System.out.printf("| %s | %d | %d | %.1f | %.2f | %.2f | %.1f | %s | %s |%n", r._1, x.due(), x.delivered(), x.cpuMicrosEach(),
                    x.latency().getValueAtPercentile(50) / 1000.0, x.latency().getValueAtPercentile(99) / 1000.0,
                    x.latency().getMaxValue() / 1000.0, Double.isNaN(r._2.rssPerIdle()) ? "n/a" : String.format("%.1f", r._2.rssPerIdle() / 1024),
                    r._2.heapPerIdle().map(h -> String.format("%.1f", h / 1024)).getOrElse("n/a"));
        }
        System.out.printf("%n| server | window CPU by thread kind (ms) |%n| --- | --- |%n");
        for (Tuple2<String, ChatRun.Result> r : floors.appendAll(results)) {
            System.out.printf("| %s | %s |%n", r._1, r._2.window().cpuByThreads().map(t -> t._1 + " " + t._2).mkString(", "));
        }
        System.out.printf("%n| server | CPU per message / %s | / TCP relay (floor) |%n| --- | ---: | ---: |%n", TLS_FLOOR);
        for (Tuple2<String, ChatRun.Result> r : results) { // the ratio of the floor to a peer is the least Starling could reach
            System.out.printf("| %s | %s |%n", r._1, floors.map(f -> String.format("%.2f", r._2.window().cpuMicrosEach() / f._2.window().cpuMicrosEach()))
                    .mkString(" | "));
        }
        OpenLoop.Measured starling = results.head()._2.window();
        if (results.size() > 1) {
            System.out.printf("%n| Starling / peer | CPU per message | p50 latency | p99 latency | RSS per idle session |%n");
            System.out.println("| --- | ---: | ---: | ---: | ---: |"); // RSS: n/a when either grew by nothing (a JVM may even shrink)
            double starlingRss = results.head()._2.rssPerIdle();
            for (Tuple2<String, ChatRun.Result> r : results.tail()) {
                OpenLoop.Measured peer = r._2.window();
                System.out.printf("| / %s | %.2f | %.2f | %.2f | %s |%n", r._1, starling.cpuMicrosEach() / peer.cpuMicrosEach(),
                        ratio(starling.latency().getValueAtPercentile(50), peer.latency().getValueAtPercentile(50)),
                        ratio(starling.latency().getValueAtPercentile(99), peer.latency().getValueAtPercentile(99)),
                        starlingRss > 0 && r._2.rssPerIdle() > 0 ? String.format("%.2f", starlingRss / r._2.rssPerIdle()) : "n/a");
            }
        }
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
