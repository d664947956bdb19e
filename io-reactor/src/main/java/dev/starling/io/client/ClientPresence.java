package dev.starling.io.client;

import dev.starling.machine.presence.ContactPresence;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Priority;
import dev.starling.model.stanza.Show;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.Status;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Presence from the client's side (RFC 6121 §4): the account's own presence, sent with this
 * client's capabilities and avatar, and its contacts' presence as the pure
 * {@link ContactPresence} view keeps it, with each change as it comes.
 */
public final class ClientPresence {

    private final XmppClient client;
    private final Sinks.Many<ContactPresence.Change> changes = Sinks.many().multicast().directBestEffort();
    private volatile ContactPresence view = ContactPresence.empty();

    ClientPresence(XmppClient client, Flux<Stanza> stanzas) {
        this.client = client;
        stanzas.ofType(Presence.class).subscribe(this::receive);
    }

    /** The contacts' presence as known now (their online resources, the best one to write to). */
    public ContactPresence snapshot() {
        return view;
    }

    /**
     * Each change from now on: a resource's new available presence, its unavailable presence, or
     * an unavailable presence for a whole contact (from its bare JID) when none is online any more.
     */
    public Flux<ContactPresence.Change> changes() {
        return changes.asFlux();
    }

    /**
     * Sends available presence (RFC 6121 §4.2, §4.4) with an optional show and status and a
     * priority (-128 to 127, §4.7.2.3: negative means "never send me messages to the bare JID").
     */
    public Mono<Void> available(Option<Show> show, Option<String> status, int priority) {
        if (priority < -128 || priority > 127) {
            return Mono.error(new IllegalArgumentException("a priority is from -128 to 127 (RFC 6121 §4.7.2.3), not " + priority));
        }
        Presence presence = Presence.available();
        presence = show.map(presence::withChild).getOrElse(presence);
        presence = status.map(Status::of).map(presence::withChild).getOrElse(presence);
        return client.send(client.advertising(priority == 0 ? presence : presence.withChild(new Priority(priority))));
    }

    /** Sends unavailable presence (RFC 6121 §4.5.1), with an optional status; the session stays open. */
    public Mono<Void> unavailable(Option<String> status) {
        Presence presence = Presence.of(PresenceType.UNAVAILABLE);
        return client.send(status.map(text -> presence.withChild(Status.of(text))).getOrElse(presence));
    }

    /**
     * Sends directed presence to one entity (RFC 6121 §4.6): available or unavailable, as given.
     * The server remembers an available one and sends the entity unavailable presence when this
     * session ends (§4.6.3).
     */
    public Mono<Void> directed(Jid to, Presence presence) {
        return client.send(presence.withTo(Option.some(to)));
    }

    private synchronized void receive(Presence presence) {
        var next = view.receive(presence);
        view = next._1;
        next._2.forEach(changes::tryEmitNext);
    }
}
