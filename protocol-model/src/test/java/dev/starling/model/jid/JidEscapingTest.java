package dev.starling.model.jid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0106 §5.1: the twelve escaping examples, each escaped, valid as a localpart, and unescaped back. */
class JidEscapingTest {

    @ParameterizedTest(name = "XEP-0106 §5.1 #{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1  | space cadet                 | space\\20cadet",
            "2  | call me \"ishmael\"         | call\\20me\\20\\22ishmael\\22",
            "3  | at&t guy                    | at\\26t\\20guy",
            "4  | d'artagnan                  | d\\27artagnan",
            "5  | /.fanboy                    | \\2f.fanboy",
            "6  | ::foo::                     | \\3a\\3afoo\\3a\\3a",
            "7  | <foo>                       | \\3cfoo\\3e",
            "8  | user@host                   | user\\40host",
            "9  | c:\\net                     | c\\3a\\net",
            "10 | c:\\\\net                   | c\\3a\\\\net",
            "11 | c:\\cool stuff              | c\\3a\\cool\\20stuff",
            "12 | c:\\5commas                 | c\\3a\\5c5commas",
    })
    void escapesAndUnescapesTheSpecExamples(int number, String input, String escaped) {
        assertThat(JidEscaping.escapeLocalpart(input).get()).isEqualTo(escaped);
        assertThat(Jid.parse(escaped + "@example.com").isRight()).isTrue();
        assertThat(JidEscaping.unescapeLocalpart(escaped)).isEqualTo(input);
    }

    @Test
    void refusesLeadingOrTrailingSpaces() {
        assertThat(JidEscaping.escapeLocalpart(" cadet").isLeft()).isTrue();
        assertThat(JidEscaping.escapeLocalpart("cadet ").isLeft()).isTrue();
    }

    @Test
    void unescapesOnlyTheDefinedSequences() {
        assertThat(JidEscaping.unescapeLocalpart("a\\41b\\5")).isEqualTo("a\\41b\\5");
    }
}
