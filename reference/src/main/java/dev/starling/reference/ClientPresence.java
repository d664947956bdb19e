package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Show;
import dev.starling.model.stanza.Status;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.BiFunction;

/** What the subscription and presence subcommands of {@code starling client} do (RFC 6121 §3, §4). */
final class ClientPresence {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ClientPresence() {
    }

    /** Logs in, sends one subscription stanza, and logs out once the server has taken it. */
    static int act(ClientCommand client, String jid, BiFunction<XmppClient, Jid, Mono<Void>> action, String done) {
        XmppClient session = client.connect();
        action.apply(session, Jid.of(jid)).block(WAIT);
        session.ping(io.vavr.control.Option.none()).block(WAIT);
        session.close().block(WAIT);
        System.out.println(done + jid);
        return 0;
    }

    /** Available presence with an optional show ({@code away}, {@code chat}, {@code dnd}, {@code xa}) and status (RFC 6121 §4.7.2). */
    static Presence presence(String show, String status) {
        Presence presence = Presence.available();
        if (show != null && !show.equals("online")) {
            presence = presence.withChild(Show.fromWire(show).getOrElseThrow(() ->
                    new IllegalArgumentException("show is one of away, chat, dnd, xa (or online)")));
        }
        return status == null ? presence : presence.withChild(Status.of(status));
    }

    /** One line for a presence stanza: who, and what it says. */
    static String line(Presence presence) {
        String from = presence.from().map(Object::toString).getOrElse("?");
        String type = presence.type().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).getOrElse("available");
        return "presence " + from + " " + type + presence.show().map(s -> " " + s.name().toLowerCase(java.util.Locale.ROOT)).getOrElse("")
                + presence.status().map(s -> " \"" + s + "\"").getOrElse("");
    }
}
