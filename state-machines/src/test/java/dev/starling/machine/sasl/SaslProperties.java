package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of every mechanism over generated user names and passwords (any script, spaces that
 * OpaqueString maps, combining marks, {@code ,} and {@code =}): client and server agree, and no
 * tampering with the wire lets an exchange succeed that should not, or makes either side throw.
 */
class SaslProperties {

    /** A mechanism and the channel binding both sides have. */
    record Setup(String mechanism, Option<ChannelBinding> binding) {
        boolean isScram() {
            return ScramHash.ofMechanism(mechanism).isDefined();
        }

        /** The hash the account stores: the mechanism's for SCRAM, SHA-256 for PLAIN. */
        ScramHash hash() {
            return ScramHash.ofMechanism(mechanism).getOrElse(ScramHash.SHA_256);
        }
    }

    @Provide
    Arbitrary<Setup> passwordMechanisms() {
        return Arbitraries.of(List.of(new Setup("PLAIN", Option.none())).appendAll(scramSetups()).toJavaList());
    }

    @Provide
    Arbitrary<Setup> scramMechanisms() {
        return Arbitraries.of(scramSetups().toJavaList());
    }

    private static List<Setup> scramSetups() {
        return List.ofAll(ScramHash.strongestFirst()).flatMap(hash -> List.of(
                new Setup(hash.mechanismName(), Option.none()),
                new Setup(hash.plusMechanismName(), Option.some(SaslHarness.EXPORTER)),
                new Setup(hash.plusMechanismName(), Option.some(SaslHarness.END_POINT))));
    }

    /** Strings the OpaqueString profile accepts, from many scripts, with {@code ,} and {@code =} often. */
    @Provide
    Arbitrary<String> unicodeStrings() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x21, 0x7E)),
                Tuple.of(3, Arbitraries.of((int) ',', (int) '=')),
                Tuple.of(1, Arbitraries.of(0x20, 0xA0, 0x2000, 0x2003, 0x3000)),
                Tuple.of(2, Arbitraries.integers().between(0xC0, 0x24F)),
                Tuple.of(1, Arbitraries.integers().between(0x300, 0x36F)),
                Tuple.of(2, Arbitraries.integers().between(0x391, 0x44F)),
                Tuple.of(1, Arbitraries.integers().between(0x5D0, 0x5EA)),
                Tuple.of(2, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(1, Arbitraries.integers().between(0x1F600, 0x1F64F)));
        return codePoint.list().ofMinSize(1).ofMaxSize(12)
                .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()))
                .filter(s -> OpaqueStrings.prepare(s).isDefined());
    }

    /**
     * Strings in which no one-byte change gives another string with the same OpaqueString form:
     * printable ASCII and letters that are neither spaces, combining marks nor the target of a
     * canonical singleton. PLAIN sends the password itself, so such a change would rightly succeed.
     */
    @Provide
    Arbitrary<String> unambiguousStrings() {
        return Arbitraries.of(List.ofAll("abcXYZ019,=!~\u00e9\u00df\u00f1\u0436\u03bb\u20ac".chars().boxed()).append(0x1F600).toJavaList())
                .list().ofMinSize(1).ofMaxSize(12)
                .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()));
    }

    @Provide
    Arbitrary<Byte> masks() {
        return Arbitraries.integers().between(1, 255).map(Integer::byteValue);
    }

    @Property
    void clientAndServerAgree(@ForAll("passwordMechanisms") Setup setup, @ForAll("unicodeStrings") String username,
                              @ForAll("unicodeStrings") String password) {
        SaslHarness.Outcome outcome = SaslHarness.run(client(setup, username, password), server(setup),
                SaslHarness.account(username, password, setup.hash()));

        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success().identity()).isEqualTo(new Authenticated(OpaqueStrings.prepare(username).get(), Option.none()));
    }

    @Property
    void aWrongPasswordNeverSucceeds(@ForAll("passwordMechanisms") Setup setup, @ForAll("unicodeStrings") String username,
                                     @ForAll("unicodeStrings") String password, @ForAll("unicodeStrings") String stored) {
        Assume.that(!OpaqueStrings.prepare(password).equals(OpaqueStrings.prepare(stored)));
        SaslHarness.Outcome outcome = SaslHarness.run(client(setup, username, password), server(setup),
                SaslHarness.account(username, stored, setup.hash()));
        assertThat(outcome.last()).isInstanceOf(ServerStep.Failure.class);
    }

    @Property
    void aTamperedScramClientMessageNeverSucceeds(@ForAll("scramMechanisms") Setup setup, @ForAll("unicodeStrings") String username,
                                                  @ForAll("unicodeStrings") String password, @ForAll boolean withAuthzid,
                                                  @ForAll @IntRange(min = 0, max = 1) int message, @ForAll int position,
                                                  @ForAll("masks") byte mask) {
        Option<String> authzid = withAuthzid ? Option.some("user@example.com") : Option.none();
        SaslClient client = SaslClients.create(setup.mechanism(), new ClientCredentials(username, password, authzid), setup.binding(),
                setup.binding().isDefined(), SaslHarness.CLIENT_NONCE).get();
        SaslHarness.Outcome outcome = SaslHarness.run(client, server(setup), SaslHarness.account(username, password, setup.hash()),
                SaslHarness.flipClientByte(message, position, mask));

        assertThat(outcome.last()).isInstanceOf(ServerStep.Failure.class);
    }

    @Property
    void aTamperedPlainMessageNeverSucceeds(@ForAll("unambiguousStrings") String username, @ForAll("unambiguousStrings") String password,
                                            @ForAll int position, @ForAll("masks") byte mask) {
        Setup plain = new Setup("PLAIN", Option.none());
        SaslHarness.Outcome outcome = SaslHarness.run(client(plain, username, password), server(plain),
                SaslHarness.account(username, password, ScramHash.SHA_1), SaslHarness.flipClientByte(0, position, mask));

        assertThat(outcome.last()).isInstanceOf(ServerStep.Failure.class);
    }

    @Property
    void aTamperedScramServerMessageIsNeverAccepted(@ForAll("scramMechanisms") Setup setup, @ForAll("unicodeStrings") String username,
                                                    @ForAll("unicodeStrings") String password,
                                                    @ForAll @IntRange(min = 0, max = 1) int message, @ForAll int position,
                                                    @ForAll("masks") byte mask) {
        SaslHarness.Outcome outcome = SaslHarness.run(client(setup, username, password), server(setup),
                SaslHarness.account(username, password, setup.hash()), SaslHarness.flipServerByte(message, position, mask));

        assertThat(outcome.authenticated()).isFalse();
    }

    @Property
    void externalSucceedsOnlyAsACertificateIdentity(@ForAll @IntRange(min = 0, max = 2) int chosen, @ForAll int position,
                                                    @ForAll("masks") byte mask) {
        List<String> identities = List.of("juliet@example.com", "juliet@example.net", "capulet.example");
        SaslClient client = SaslClients.create("EXTERNAL", new ClientCredentials("", "", Option.some(identities.get(chosen))),
                Option.none(), false, "n").get();
        SaslServer server = SaslServers.create("EXTERNAL", SaslServerPolicy.defaults(), Option.none(), true, "n", identities, "anon").get();
        SaslHarness.Outcome outcome = SaslHarness.run(client, server, HashMap.empty(), SaslHarness.flipClientByte(0, position, mask));

        if (outcome.last() instanceof ServerStep.Success success) {
            assertThat(identities).contains(success.identity().username());
        }
    }

    @Property
    void anonymousAcceptsAnyTrace(@ForAll byte[] trace) {
        SaslServer server = SaslServers.create("ANONYMOUS", new SaslServerPolicy(false, true, false, SaslMechanismNames.all()),
                Option.none(), true, "n", List.empty(), "guest").get();
        assertThat(server.onAuth(Option.some(Bytes.of(trace))))
                .isEqualTo(new ServerStep.Success(new Authenticated("guest", Option.none()), Option.none()));
    }

    @Property
    void arbitraryBytesNeverMakeEitherSideThrow(@ForAll("anyMechanism") Setup setup, @ForAll byte[] first, @ForAll byte[] second) {
        Map<String, StoredCredentials> accounts = SaslHarness.account("juliet", "secret", setup.hash());
        SaslServerPolicy policy = new SaslServerPolicy(false, true, true, SaslMechanismNames.all());
        SaslServer server = SaslServers.create(setup.mechanism(), policy, setup.binding(), true, SaslHarness.SERVER_NONCE,
                List.of("juliet@example.com"), "guest").get();
        ServerStep step = server.onAuth(Option.some(Bytes.of(first)));
        for (int round = 0; round < 3; round++) {
            if (step instanceof ServerStep.Challenge challenge) {
                step = challenge.next().onResponse(Option.some(Bytes.of(second)));
            } else if (step instanceof ServerStep.LookupCredentials lookup) {
                step = lookup.next().onCredentials(accounts.get(lookup.username()));
            }
        }
        assertThat(step).isNotNull();

        SaslClient client = client(setup, "juliet", "secret");
        client.onSuccess(Option.some(Bytes.of(first)));
        client.onChallenge(Bytes.of(first)).forEach(next -> {
            next.next().onSuccess(Option.some(Bytes.of(second)));
            next.next().onChallenge(Bytes.of(second));
        });
        String serverFirst = "r=" + SaslHarness.CLIENT_NONCE + "x,s=c2FsdA==,i=4096";
        client.onChallenge(SaslHarness.bytes(serverFirst)).forEach(next -> {
            next.next().onSuccess(Option.some(Bytes.of(second)));
            next.next().onChallenge(Bytes.of(second)).forEach(last -> last.next().onSuccess(Option.some(Bytes.of(first))));
        });
    }

    @Provide
    Arbitrary<Setup> anyMechanism() {
        return Arbitraries.of(List.of(new Setup("PLAIN", Option.none()), new Setup("EXTERNAL", Option.none()),
                new Setup("ANONYMOUS", Option.none())).appendAll(scramSetups()).toJavaList());
    }

    private static SaslClient client(Setup setup, String username, String password) {
        return SaslClients.create(setup.mechanism(), ClientCredentials.of(username, password), setup.binding(),
                setup.binding().isDefined(), SaslHarness.CLIENT_NONCE).get();
    }

    private static SaslServer server(Setup setup) {
        return SaslServers.create(setup.mechanism(), SaslServerPolicy.defaults(), setup.binding(), true, SaslHarness.SERVER_NONCE,
                List.empty(), "anon").get();
    }
}
