package dev.starling.conformance.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.io.session.DecodedInputs;
import dev.starling.machine.account.AccountOperation;
import dev.starling.model.jid.Jid;
import io.vavr.control.Either;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.routing.ResourceBinding;
import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A client machine and a server machine joined by an in-memory link that goes through the real
 * encoder and decoder, with a virtual clock and deterministic randomness (after quinn-proto's
 * {@code Pair}). TLS is simulated: when both sides asked for it, both receive the same channel
 * bindings. Storage and the router are a map of accounts and the pure binding decision. Everything
 * each side sent and reported is recorded for assertions.
 */
final class SessionPair {

    /** The channel bindings both sides see once "TLS" is up. */
    static final Seq<ChannelBinding> BINDINGS = Array.of(
            new ChannelBinding("tls-exporter", Bytes.of(new byte[]{1, 2, 3, 4, 5, 6, 7, 8})),
            new ChannelBinding("tls-server-end-point", Bytes.of(new byte[]{9, 8, 7, 6})));

    private final CodecRegistry registry = CodecRegistry.core();
    private final XmlEncoder clientEncoder = new XmlEncoder();
    private final XmlEncoder serverEncoder = new XmlEncoder();
    private final XmlStreamDecoder clientDecoder = new XmlStreamDecoder();
    private final XmlStreamDecoder serverDecoder = new XmlStreamDecoder();
    private final Deque<SessionInput> toClient = new ArrayDeque<>();
    private final Deque<SessionInput> toServer = new ArrayDeque<>();
    private Map<String, StoredCredentials> accounts;
    private final Seq<ChannelBinding> bindings;
    private ClientState client;
    private ServerState server;
    private boolean clientWantsTls;
    private boolean serverWantsTls;
    private Set bound = new Set();
    private long randomCounter;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    final List<SessionEvent> clientEvents = new ArrayList<>();
    final List<SessionEvent> serverEvents = new ArrayList<>();
    final List<SessionOutput> clientOutputs = new ArrayList<>();
    final List<SessionOutput> serverOutputs = new ArrayList<>();
    final List<Stanza> routed = new ArrayList<>();
    final List<Jid> endedAccounts = new ArrayList<>();
    final List<TimerKey> clientTimers = new ArrayList<>();
    final StringBuilder clientWire = new StringBuilder();
    final StringBuilder serverWire = new StringBuilder();
    boolean clientTransportClosed;
    boolean serverTransportClosed;

    /** The set of bound resources (a holder, replaced on each binding). */
    private static final class Set {
        io.vavr.collection.Set<String> resources = HashSet.empty();
    }

    SessionPair(ClientConfig clientConfig, ServerConfig serverConfig, Map<String, StoredCredentials> accounts,
                Seq<ChannelBinding> bindings) {
        this.client = ClientSession.initial(clientConfig);
        this.server = ServerSession.initial(serverConfig);
        this.accounts = accounts;
        this.bindings = bindings;
    }

    SessionPair(ClientConfig clientConfig, ServerConfig serverConfig, Map<String, StoredCredentials> accounts) {
        this(clientConfig, serverConfig, accounts, BINDINGS);
    }

    /** Opens the connection and runs both machines until neither has anything left to do. */
    SessionPair connect() {
        toServer.add(new SessionInput.Connected(false));
        toClient.add(new SessionInput.Connected(false));
        return run();
    }

    /** Queues an input for the client (a command) and runs. */
    SessionPair client(SessionInput input) {
        toClient.add(input);
        return run();
    }

    /** Queues an input for the server and runs. */
    SessionPair server(SessionInput input) {
        toServer.add(input);
        return run();
    }

    ClientState clientState() {
        return client;
    }

    ServerState serverState() {
        return server;
    }

    SessionPair run() {
        int guard = 0;
        while (!toClient.isEmpty() || !toServer.isEmpty()) {
            if (++guard > 10_000) {
                throw new AssertionError("the pair does not settle");
            }
            if (!toServer.isEmpty()) {
                Step<ServerState, SessionOutput> step = ServerSession.step(server, toServer.poll(), fresh());
                server = step.state();
                step.outputs().forEach(this::performServer);
            }
            if (!toClient.isEmpty()) {
                Step<ClientState, SessionOutput> step = ClientSession.step(client, toClient.poll(), fresh());
                client = step.state();
                step.outputs().forEach(this::performClient);
            }
        }
        return this;
    }

    private Fresh fresh() {
        now = now.plusMillis(1);
        String seed = Long.toString(++randomCounter, 36);
        return new Fresh(now, (seed + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_").repeat(2).substring(0, 96));
    }

    private void performClient(SessionOutput output) {
        clientOutputs.add(output);
        if (output instanceof SessionOutput.Notify notify) {
            clientEvents.add(notify.event());
        } else if (output instanceof SessionOutput.StartTls) {
            clientWantsTls = true;
            establishTlsIfBothReady();
        } else if (output instanceof SessionOutput.RestartStream) {
            clientDecoder.restart();
        } else if (output instanceof SessionOutput.StartTimer start) {
            clientTimers.add(start.key());
        } else if (output instanceof SessionOutput.CloseTransport) {
            closeTransport();
        } else {
            bytes(output, clientEncoder).forEach(b -> deliver(b, serverDecoder, toServer, clientWire));
        }
    }

    private void performServer(SessionOutput output) {
        serverOutputs.add(output);
        if (output instanceof SessionOutput.Notify notify) {
            serverEvents.add(notify.event());
        } else if (output instanceof SessionOutput.StartTls) {
            serverWantsTls = true;
            establishTlsIfBothReady();
        } else if (output instanceof SessionOutput.RestartStream) {
            serverDecoder.restart();
        } else if (output instanceof SessionOutput.LookupCredentials lookup) {
            toServer.add(new SessionInput.CredentialsLoaded(accounts.get(lookup.username())));
        } else if (output instanceof SessionOutput.RequestBinding binding) {
            var decision = ResourceBinding.decide(binding.request(), bound.resources, ConflictPolicy.REFUSE_NEW, 10);
            decision.outcome().forEach(jid -> bound.resources = bound.resources.add(jid.resource().get()));
            toServer.add(new SessionInput.BindDecided(decision.outcome()));
        } else if (output instanceof SessionOutput.Route route) {
            routed.add(route.stanza());
        } else if (output instanceof SessionOutput.UpdateAccount update) {
            toServer.add(new SessionInput.AccountUpdated(update.request(), update.operation(), Either.right(apply(update.operation()))));
        } else if (output instanceof SessionOutput.EndAccountSessions end) {
            endedAccounts.add(end.account());
        } else if (output instanceof SessionOutput.CloseTransport) {
            closeTransport();
        } else {
            bytes(output, serverEncoder).forEach(b -> deliver(b, clientDecoder, toClient, serverWire));
        }
    }

    /** The account store's answer: true if done, false if taken (create) or unknown (change, delete). */
    private boolean apply(AccountOperation operation) {
        boolean exists = accounts.containsKey(operation.username());
        if (operation instanceof AccountOperation.Create create) {
            accounts = exists ? accounts : accounts.put(create.username(), Credentials.stored(create.password()));
            return !exists;
        }
        if (operation instanceof AccountOperation.ChangePassword change) {
            accounts = exists ? accounts.put(change.username(), Credentials.stored(change.password())) : accounts;
            return exists;
        }
        accounts = accounts.remove(operation.username());
        return exists;
    }

    /** Whether the store holds this account now. */
    boolean hasAccount(String username) {
        return accounts.containsKey(username);
    }

    /** Whether this password opens the stored account. */
    boolean opens(String username, String password) {
        return dev.starling.machine.sasl.PasswordCheck.matches(accounts.get(username), password);
    }

    private void establishTlsIfBothReady() {
        if (clientWantsTls && serverWantsTls) {
            clientWantsTls = false;
            serverWantsTls = false;
            toServer.add(new SessionInput.TlsEstablished(bindings, Array.empty()));
            toClient.add(new SessionInput.TlsEstablished(bindings, Array.empty()));
        }
    }

    private void closeTransport() {
        if (!clientTransportClosed) {
            clientTransportClosed = true;
            toClient.add(new SessionInput.TransportClosed());
        }
        if (!serverTransportClosed) {
            serverTransportClosed = true;
            toServer.add(new SessionInput.TransportClosed());
        }
    }

    private Option<byte[]> bytes(SessionOutput output, XmlEncoder encoder) {
        if (output instanceof SessionOutput.SendHeader header) {
            return Option.some(encoder.streamHeader(header.header()));
        }
        if (output instanceof SessionOutput.Send send) {
            return Option.some(encoder.encode(registry.encode(send.element(), Namespaces.CLIENT), Namespaces.CLIENT));
        }
        if (output instanceof SessionOutput.SendKeepalive) {
            return Option.some(new byte[]{' '});
        }
        if (output instanceof SessionOutput.CloseStream close) {
            StringBuilder sb = new StringBuilder();
            close.error().forEach(error -> sb.append(new String(encoder.encode(registry.encode(error, Namespaces.CLIENT),
                    Namespaces.CLIENT), java.nio.charset.StandardCharsets.UTF_8)));
            sb.append("</stream:stream>");
            return Option.some(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Option.none(); // timers and cancellations need no bytes
    }

    private void deliver(byte[] bytes, XmlStreamDecoder decoder, Deque<SessionInput> inbox, StringBuilder wire) {
        if (clientTransportClosed && serverTransportClosed) {
            return;
        }
        wire.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        decoder.feed(bytes);
        for (Option<StreamEvent> event = decoder.next(); event.isDefined(); event = decoder.next()) {
            inbox.add(DecodedInputs.toInput(event.get(), registry, Namespaces.CLIENT));
        }
    }

    /** Accounts for a pair: username to the stored credentials derived from the password. */
    static Map<String, StoredCredentials> accounts(String username, String password) {
        return HashMap.of(username, Credentials.stored(password));
    }
}
