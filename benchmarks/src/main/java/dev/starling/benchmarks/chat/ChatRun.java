package dev.starling.benchmarks.chat;

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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat run against one server: {@code users} Starling clients log in (STARTTLS, SCRAM-SHA-1 or -256,
 * one shared TLS context), each puts the next user in its roster and goes online; then the
 * {@link OpenLoop} sends chat messages, each stamped with the time it was due, for the warm-up and the
 * measured window, and the receivers report each arrival to it. Then {@code idle} more sessions log in
 * without presence and the growth of the server's resident memory (and, for Starling, used heap) is
 * divided by their number. Every phase is bounded by time.
 */
final class ChatRun {

    private ChatRun() {
    }

    /**
     * What one run measured.
     *
     * @param window      the measured window of the open loop
     * @param rssPerIdle  resident memory per idle session, bytes
     * @param heapPerIdle used heap per idle session, bytes, if the server reports its heap
     */
    record Result(OpenLoop.Measured window, double rssPerIdle, Option<Double> heapPerIdle) {
    }

    static Result run(ChatTarget target, String password, int users, double rate, Duration warmup, Duration window, int idle)
            throws Exception {
        TlsSetup tls = TlsSetups.client(TrustPolicy.trustStore(target.certificate()).clientContext(Option.none()).get(), "localhost");
        List<XmppClient> clients = new ArrayList<>();
        OpenLoop loop = new OpenLoop();
        try {
            for (int i = 0; i < users; i++) {
                XmppClient client = login(target, tls, i, "load", password);
                client.stanzas().ofType(Message.class).subscribe(message -> loop.arrived(Long.parseLong(message.body().getOrElse("0"))));
                client.roster().put(user(i + 1 == users ? 0 : i + 1), Option.none(), Array.of("chat")).block(Duration.ofSeconds(10));
                client.available().block(Duration.ofSeconds(10));
                clients.add(client);
            }
            OpenLoop.Measured measured = loop.run(users, rate, warmup, window, target.process(), target::cpu,
                    (from, to, due) -> clients.get(from).send(Message.chat(user(to), Long.toString(due))).subscribe());

            Option<Long> heap0 = target.heapBytes(); // full collections first, so that both RSS readings follow one
            long rss0 = target.rssBytes();
            for (int i = 0; i < idle; i++) {
                clients.add(login(target, tls, i % users, "idle" + i, password));
            }
            Thread.sleep(2000);
            Option<Long> heap1 = target.heapBytes();
            long rss1 = target.rssBytes();
            return new Result(measured, (rss1 - rss0) / (double) Math.max(1, idle),
                    heap0.flatMap(before -> heap1.map(after -> (after - before) / (double) Math.max(1, idle))));
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
