package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Runs a client state machine against a server state machine the way the session does, with an
 * in-memory account store and an optional tamperer on the wire.
 */
final class SaslHarness {

    static final String CLIENT_NONCE = "clientNonce+/=!~";
    static final String SERVER_NONCE = "serverNonce#$%&";
    static final Bytes SALT = bytes("0123456789abcdef");
    static final ChannelBinding EXPORTER = ChannelBinding.tlsExporter(bytes("exported keying material, 32 byt"));
    static final ChannelBinding END_POINT = ChannelBinding.tlsServerEndPoint(bytes("hash of the server certificate.."));

    /** Changes messages on the wire; message indexes count from 0 in each direction. */
    interface Wire {
        Wire HONEST = new Wire() {
        };

        default Bytes fromClient(int index, Bytes message) {
            return message;
        }

        default Bytes fromServer(int index, Bytes message) {
            return message;
        }
    }

    /**
     * How an exchange ended.
     *
     * @param last        the server's last step (a success or a failure)
     * @param clientError the client's complaint, if it aborted or did not accept the success
     * @param sent        every client message as it left the client
     */
    record Outcome(ServerStep last, Option<SaslClientError> clientError, List<Bytes> sent) {

        /** Both sides agree that authentication succeeded. */
        boolean authenticated() {
            return last instanceof ServerStep.Success && clientError.isEmpty();
        }

        ServerStep.Success success() {
            return (ServerStep.Success) last;
        }

        ServerStep.Failure failure() {
            return (ServerStep.Failure) last;
        }
    }

    private SaslHarness() {
    }

    static Bytes bytes(String text) {
        return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(Bytes bytes) {
        return new String(bytes.toArray(), StandardCharsets.UTF_8);
    }

    /** One account, stored under its prepared user name, with credentials for every hash. */
    static Map<String, StoredCredentials> account(String username, String password) {
        return HashMap.of(OpaqueStrings.prepare(username).get(),
                ScramCredentialsFactory.deriveAll(password, SALT, ScramCredentialsFactory.MINIMUM_ITERATIONS));
    }

    /** One account with credentials for one hash only. */
    static Map<String, StoredCredentials> account(String username, String password, ScramHash hash) {
        return HashMap.of(OpaqueStrings.prepare(username).get(), new StoredCredentials(List.of(
                ScramCredentialsFactory.derive(hash, password, SALT, ScramCredentialsFactory.MINIMUM_ITERATIONS))));
    }

    static Outcome run(SaslClient client, SaslServer server, Map<String, StoredCredentials> accounts) {
        return run(client, server, accounts, Wire.HONEST);
    }

    static Outcome run(SaslClient client, SaslServer server, Map<String, StoredCredentials> accounts, Wire wire) {
        List<Bytes> sent = List.empty();
        int fromClient = 0;
        int fromServer = 0;
        Option<Bytes> initial = client.initialResponse();
        sent = sent.appendAll(initial);
        ServerStep step = server.onAuth(initial.map(m -> wire.fromClient(0, m)));
        fromClient++;
        for (int round = 0; round < 10; round++) {
            if (step instanceof ServerStep.LookupCredentials lookup) {
                step = lookup.next().onCredentials(accounts.get(lookup.username()));
            } else if (step instanceof ServerStep.Challenge challenge) {
                Either<SaslClientError, ClientStep> answer = client.onChallenge(wire.fromServer(fromServer++, challenge.data()));
                if (answer.isLeft()) {
                    return new Outcome(challenge.next().onAbort(), Option.some(answer.getLeft()), sent);
                }
                client = answer.get().next();
                sent = sent.append(answer.get().response());
                step = challenge.next().onResponse(Option.some(wire.fromClient(fromClient++, answer.get().response())));
            } else if (step instanceof ServerStep.Success success) {
                int index = fromServer;
                Option<Bytes> data = success.additionalData().map(d -> wire.fromServer(index, d));
                return new Outcome(step, client.onSuccess(data), sent);
            } else {
                return new Outcome(step, Option.none(), sent);
            }
        }
        throw new AssertionError("the exchange did not end");
    }

    /** A wire that flips the bits of {@code mask} (not zero) in one byte of one client message. */
    static Wire flipClientByte(int messageIndex, int position, byte mask) {
        return new Wire() {
            @Override
            public Bytes fromClient(int index, Bytes message) {
                return index == messageIndex ? flip(message, position, mask) : message;
            }
        };
    }

    /** A wire that flips the bits of {@code mask} (not zero) in one byte of one server message. */
    static Wire flipServerByte(int messageIndex, int position, byte mask) {
        return new Wire() {
            @Override
            public Bytes fromServer(int index, Bytes message) {
                return index == messageIndex ? flip(message, position, mask) : message;
            }
        };
    }

    /** A wire that rewrites client messages as text. */
    static Wire rewriteClient(BiFunction<Integer, String, String> rewrite) {
        return new Wire() {
            @Override
            public Bytes fromClient(int index, Bytes message) {
                return bytes(rewrite.apply(index, text(message)));
            }
        };
    }

    /** A wire that rewrites server messages as text. */
    static Wire rewriteServer(BiFunction<Integer, String, String> rewrite) {
        return new Wire() {
            @Override
            public Bytes fromServer(int index, Bytes message) {
                return bytes(rewrite.apply(index, text(message)));
            }
        };
    }

    private static Bytes flip(Bytes message, int position, byte mask) {
        if (message.isEmpty()) {
            return message;
        }
        byte[] data = message.toArray();
        data[Math.floorMod(position, data.length)] ^= mask;
        return Bytes.wrapOwned(data);
    }
}
