package dev.starling.io.server;

import dev.starling.io.session.RandomTokens;
import dev.starling.io.store.AccountDataStore;
import dev.starling.io.store.AccountStore;
import dev.starling.io.store.BlocklistStore;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.io.store.OfflineStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.io.store.RosterStore;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory bounds of {@link AccountEntities} ({@link EntityLimits}): accounts without a session
 * stay loaded only while they are among the most recently used idle ones, and are loaded again,
 * with what the store kept for them, when next needed; an account with a session is never
 * dropped; inputs beyond the per-account queue are refused with {@code resource-constraint}
 * (type wait) while a session's binding is still taken.
 */
class AccountEntitiesLimitsTest {

    private static final Jid ROMEO = Jid.of("romeo@example.net/orchard");
    private final List<Stanza> toContact = new ArrayList<>();
    private final List<Stanza> toResource = new ArrayList<>();

    @Test
    void theLeastRecentlyUsedIdleAccountIsDroppedAndLoadedAgainWithWhatWasStored() {
        CountingStore store = new CountingStore("a", "b", "c");
        AccountEntities entities = entities(store, EntityLimits.defaults().withCache(2, 1000));
        for (String user : new String[]{"a", "b", "c"}) {
            entities.offer(jid(user), message(user, "hello " + user));
        }
        assertThat(store.loads.get()).isEqualTo(3);

        entities.offer(jid("c"), message("c", "again"));
        entities.offer(jid("b"), message("b", "again"));
        assertThat(store.loads.get()).as("b and c are the two most recent idle accounts, still loaded").isEqualTo(3);

        entities.offer(jid("a"), message("a", "again"));
        assertThat(store.loads.get()).as("a was dropped and is loaded again").isEqualTo(4);
        assertThat(store.offline().list("a").block()).as("both messages kept, across the reload").hasSize(2);
    }

    @Test
    void anAccountWithASessionIsNeverDropped() {
        CountingStore store = new CountingStore("a", "b", "c", "d");
        AccountEntities entities = entities(store, EntityLimits.defaults().withCache(1, 1000));
        entities.offer(jid("a"), new AccountInput.ResourceBound("home"));
        for (String user : new String[]{"b", "c", "d"}) {
            entities.offer(jid(user), message(user, "hello"));
        }
        entities.offer(jid("a"), message("a", "still here?"));
        assertThat(store.loads.get()).isEqualTo(4);
        assertThat(toResource).as("delivered to the bound resource? not available, so stored").isEmpty();
        assertThat(store.offline().list("a").block()).hasSize(1);
    }

    @Test
    void inputsBeyondTheQueueAreRefusedButSessionsAreAlwaysTaken() {
        CountingStore store = new CountingStore("a");
        Sinks.One<Boolean> loaded = Sinks.one();
        store.gate = loaded.asMono();
        AccountEntities entities = entities(store, EntityLimits.defaults().withCache(10, 2));
        entities.offer(jid("a"), message("a", "1"));
        entities.offer(jid("a"), message("a", "2"));
        entities.offer(jid("a"), message("a", "3"));
        entities.offer(jid("a"), new AccountInput.ResourceGone("nowhere"));

        assertThat(toContact).singleElement().satisfies(refusal -> {
            assertThat(refusal.to()).contains(ROMEO);
            assertThat(refusal.error().map(e -> e.condition())).contains(StanzaErrorCondition.RESOURCE_CONSTRAINT);
            assertThat(refusal.error().map(e -> e.type())).contains(StanzaErrorType.WAIT);
        });
        loaded.tryEmitValue(true);
        assertThat(store.offline().list("a").block()).as("the two queued messages, not the refused one")
                .extracting(stored -> stored.message().body().get()).containsExactly("1", "2");
    }

    private AccountEntities entities(AccountStore store, EntityLimits limits) {
        return new AccountEntities(store, limits, Schedulers.immediate(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                new RandomTokens(), (to, stanza) -> toResource.add(stanza), toContact::add);
    }

    private static Jid jid(String user) {
        return Jid.of(user + "@example.com");
    }

    private static AccountInput message(String user, String body) {
        return new AccountInput.InboundMessage(Message.chat(jid(user), body).withFrom(Option.some(ROMEO)));
    }

    /** The in-memory store, counting account loads (one credentials look-up each), optionally held back by a gate. */
    private static final class CountingStore implements AccountStore {
        private final InMemoryAccountStore delegate = new InMemoryAccountStore();
        final AtomicInteger loads = new AtomicInteger();
        Mono<Boolean> gate = Mono.just(true);

        CountingStore(String... users) {
            for (String user : users) {
                delegate.create(user, PasswordHashing.derive("pw")).block();
            }
        }

        @Override
        public Mono<Option<StoredCredentials>> credentials(String username) {
            loads.incrementAndGet();
            return gate.then(delegate.credentials(username));
        }

        @Override
        public Mono<Boolean> create(String username, StoredCredentials credentials, Map<String, String> details) {
            return delegate.create(username, credentials, details);
        }

        @Override
        public Mono<Map<String, String>> details(String username) {
            return delegate.details(username);
        }

        @Override
        public Mono<Boolean> update(String username, StoredCredentials credentials) {
            return delegate.update(username, credentials);
        }

        @Override
        public Mono<Boolean> delete(String username) {
            return delegate.delete(username);
        }

        @Override
        public RosterStore rosters() {
            return delegate.rosters();
        }

        @Override
        public OfflineStore offline() {
            return delegate.offline();
        }

        @Override
        public BlocklistStore blocklists() {
            return delegate.blocklists();
        }

        @Override
        public AccountDataStore data() {
            return delegate.data();
        }
    }
}
