package dev.starling.codec.xml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level UTF-8 check agrees with the JDK's strict decoder, the oracle, on any input. */
class Utf8Test {

    @Property(tries = 5000)
    void agreesWithTheJdkDecoder(@ForAll("bytes") byte[] input) {
        assertThat(Utf8.isWellFormed(input, 0, input.length)).isEqualTo(jdkAccepts(input));
    }

    @Property(tries = 1000)
    void acceptsEveryEncodedString(@ForAll String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isWellFormed(encoded, 0, encoded.length)).isEqualTo(jdkAccepts(encoded));
    }

    /** Bytes biased towards the interesting ranges: leads, continuations, boundaries of RFC 3629 §4. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Integer> interesting = Arbitraries.oneOf(Arbitraries.integers().between(0, 255),
                Arbitraries.of(0x00, 0x3C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEE,
                        0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF));
        return interesting.list().ofMaxSize(12).map(list -> {
            byte[] result = new byte[list.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = (byte) (int) list.get(i);
            }
            return result;
        });
    }

    private static boolean jdkAccepts(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
