package dev.starling.benchmarks.chat;

import dev.starling.benchmarks.ThreadCpu;
import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.TlsSetup;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One chat run against one server: {@code users} Starling clients log in (STARTTLS, SCRAM-SHA-1 or -256,
 * one shared TLS context), each puts the next user in its roster and goes online; then, open
 * loop, user {@code k mod users} sends a chat message to user {@code k+1} every
 * {@code 1/rate} seconds, stamped with the time it was due, for the warm-up and then the measured
 * window. Each delivery's latency (due time to arrival, so a late sender cannot hide a slow
 * server) goes into an HdrHistogram. Server CPU is the process's CPU time over the measured
 * window, divided by the messages due in it; its split by kind of thread shows whether the JIT still compiled. Then {@code idle} more sessions log in without
 * presence and the growth of the server's resident memory (and, for Starling, used heap) is
 * divided by their number. Every phase is bounded by time.
 */
final class ChatRun {

    private ChatRun() {
    }

    /**
     * What one run measured.
     *
     * @param due             messages due in the measured window
     * @param delivered       of those, delivered before the end of the run
     * @param cpuMicrosEach   server CPU microseconds per due message
     * @param latency         delivery latency in microseconds
     * @param rssPerIdle      resident memory per idle session, bytes
     * @param heapPerIdle     used heap per idle session, bytes, if the server reports its heap
     * @param cpuByThreads    the window's server CPU milliseconds by kind of thread ({@link ThreadCpu})
     */
    record Result(long due, long delivered, double cpuMicrosEach, Histogram latency, double rssPerIdle, Option<Double> heapPerIdle,
                  io.vavr.collection.TreeMap<String, Long> cpuByThreads) {
    }

    static Result run(ChatTarget target, String password, int users, double rate, Duration warmup, Duration window, int idle)
            throws Exception {
        TlsSetup tls = TlsSetups.client(TrustPolicy.trustStore(target.certificate()).clientContext(Option.none()).get(), "localhost");
        List<XmppClient> clients = new ArrayList<>();
        Recorder recorder = new Recorder(3);
        AtomicLong delivered = new AtomicLong();
        long[] window0 = {Long.MAX_VALUE};
        long[] window1 = {Long.MAX_VALUE};
        try {
            for (int i = 0; i < users; i++) {
                XmppClient client = login(target, tls, i, "load", password);
                client.stanzas().ofType(Message.class).subscribe(message -> {
                    long now = System.nanoTime();
                    long due = Long.parseLong(message.body().getOrElse("0"));
                    if (due >= window0[0] && due < window1[0]) {
                        recorder.recordValue(Math.max(0, (now - due) / 1000));
                        delivered.incrementAndGet();
                    }
                });
                client.roster().put(user(i + 1 == users ? 0 : i + 1), Option.none(), Array.of("chat")).block(Duration.ofSeconds(10));
                client.available().block(Duration.ofSeconds(10));
                clients.add(client);
            }
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            window0[0] = start + warmup.toNanos();
            window1[0] = window0[0] + window.toNanos();
            Duration cpuBefore = null;
            io.vavr.collection.TreeMap<String, Long> threadsBefore = io.vavr.collection.TreeMap.empty();
            long due = 0;
            for (long k = 0; ; k++) {
                long at = start + k * interval;
                if (at >= window1[0]) {
                    break;
                }
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (cpuBefore == null && at >= window0[0]) {
                    cpuBefore = target.cpu();
                    threadsBefore = ThreadCpu.read(target.process().pid());
                    recorder.getIntervalHistogram(); // drop the warm-up
                }
                if (at >= window0[0]) {
                    due++;
                }
                int sender = (int) (k % users);
                clients.get(sender).send(Message.chat(user(sender + 1 == users ? 0 : sender + 1), Long.toString(at))).subscribe();
            }
            Duration cpu = target.cpu().minus(cpuBefore);
            io.vavr.collection.TreeMap<String, Long> byThreads = ThreadCpu.between(threadsBefore, ThreadCpu.read(target.process().pid()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.get() < due && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Histogram latency = recorder.getIntervalHistogram();
            double cpuMicros = cpu.toNanos() / 1e3 / Math.max(1, due);

            Option<Long> heap0 = target.heapBytes(); // full collections first, so that both RSS readings follow one
            long rss0 = target.rssBytes();
            for (int i = 0; i < idle; i++) {
                clients.add(login(target, tls, i % users, "idle" + i, password));
            }
            Thread.sleep(2000);
            Option<Long> heap1 = target.heapBytes();
            long rss1 = target.rssBytes();
            return new Result(due, delivered.get(), cpuMicros, latency, (rss1 - rss0) / (double) Math.max(1, idle),
                    heap0.flatMap(before -> heap1.map(after -> (after - before) / (double) Math.max(1, idle))), byThreads);
        } finally {
            for (XmppClient client : clients) {
                client.close().onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(Duration.ofSeconds(5));
            }
        }
    }

    private static Jid user(int i) {
        return Jid.of("chat" + i + "@localhost");
    }

    /** Logs in; on a peer whose account does not exist yet, registers it in-band (XEP-0077) first. */
    private static XmppClient login(ChatTarget target, TlsSetup tls, int i, String resource, String password) {
        ClientConfig config = ClientConfig.of(user(i).withResource(resource).get(), password)
                .withMechanisms(io.vavr.collection.List.of("SCRAM-SHA-1", "SCRAM-SHA-256")).withKeepalive(Option.none()); // ejabberd stores SHA-256 keys only
        try {
            return XmppClient.connect(ClientSettings.of(config, target.address()), Option.some(tls)).block(Duration.ofSeconds(30));
        } catch (RuntimeException notThere) {
            if (!target.registersInBand()) {
                throw notThere;
            }
            ClientConfig registering = config.withRegistration(HashMap.of("email", "chat" + i + "@example.invalid"));
            return XmppClient.connect(ClientSettings.of(registering, target.address()), Option.some(tls)).block(Duration.ofSeconds(30));
        }
    }
}
