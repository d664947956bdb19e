package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static dev.starling.machine.sasl.SaslHarness.bytes;
import static dev.starling.machine.sasl.SaslHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published SCRAM exchanges, replayed byte for byte on both sides: RFC 5802 §5 (SCRAM-SHA-1)
 * and RFC 7677 §3 (SCRAM-SHA-256), user "user", password "pencil". The stored keys were computed
 * independently of this code (Python's hashlib and hmac).
 */
class ScramTestVectorsTest {

    record Vector(ScramHash hash, String clientNonce, String serverNonce, String salt, String storedKey, String serverKey,
                  String clientFirst, String serverFirst, String clientFinal, String serverFinal) {
    }

    static final Vector RFC_5802 = new Vector(ScramHash.SHA_1, "fyko+d2lbbFgONRv9qkxdawL", "3rfcNHYJY1ZVvWVs7j",
            "QSXCR+Q6sek8bf92", "6dlGYMOdZcOPutkcNY8U2g7vK9Y=", "D+CSWLOshSulAsxiupA+qs2/fTE=",
            "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
            "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
            "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");

    static final Vector RFC_7677 = new Vector(ScramHash.SHA_256, "rOprNGfwEbeRWgbNEkqO", "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
            "W22ZaJ0SNY7soEsUEjb6gQ==", "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=",
            "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
            "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");

    @Test
    void rfc5802ClientSide() {
        replayClient(RFC_5802);
    }

    @Test
    void rfc5802ServerSide() {
        replayServer(RFC_5802);
    }

    @Test
    void rfc7677ClientSide() {
        replayClient(RFC_7677);
    }

    @Test
    void rfc7677ServerSide() {
        replayServer(RFC_7677);
    }

    @Test
    void theFactoryDerivesTheVectorsStoredKeys() {
        for (Vector vector : List.of(RFC_5802, RFC_7677)) {
            assertThat(ScramCredentialsFactory.derive(vector.hash(), "pencil", decode(vector.salt()), 4096))
                    .isEqualTo(storedCredentials(vector));
        }
    }

    private static void replayClient(Vector vector) {
        SaslClient client = SaslClients.create(vector.hash().mechanismName(), ClientCredentials.of("user", "pencil"),
                Option.none(), false, vector.clientNonce()).get();
        assertThat(client.mechanism()).isEqualTo(vector.hash().mechanismName());
        assertThat(client.initialResponse().map(SaslHarness::text)).contains(vector.clientFirst());
        assertThat(client.onSuccess(Option.none())).isNotEmpty();

        ClientStep step = client.onChallenge(bytes(vector.serverFirst())).get();
        assertThat(text(step.response())).isEqualTo(vector.clientFinal());
        assertThat(step.next().onSuccess(Option.some(bytes(vector.serverFinal())))).isEmpty();
    }

    private static void replayServer(Vector vector) {
        SaslServer server = SaslServers.create(vector.hash().mechanismName(), SaslServerPolicy.defaults(), Option.none(), true,
                vector.serverNonce(), List.empty(), "anonymous").get();

        ServerStep.LookupCredentials lookup = (ServerStep.LookupCredentials) server.onAuth(Option.some(bytes(vector.clientFirst())));
        assertThat(lookup.username()).isEqualTo("user");

        ServerStep.Challenge challenge = (ServerStep.Challenge) lookup.next().onCredentials(
                Option.some(new StoredCredentials(List.of(storedCredentials(vector)))));
        assertThat(text(challenge.data())).isEqualTo(vector.serverFirst());

        ServerStep outcome = challenge.next().onResponse(Option.some(bytes(vector.clientFinal())));
        assertThat(outcome).isEqualTo(new ServerStep.Success(new Authenticated("user", Option.none()),
                Option.some(bytes(vector.serverFinal()))));
    }

    private static ScramCredentials storedCredentials(Vector vector) {
        return new ScramCredentials(vector.hash(), decode(vector.salt()), 4096, decode(vector.storedKey()), decode(vector.serverKey()));
    }

    private static Bytes decode(String base64) {
        return Bytes.of(Base64.getDecoder().decode(base64));
    }
}
