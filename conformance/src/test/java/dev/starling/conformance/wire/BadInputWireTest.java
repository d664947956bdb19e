package dev.starling.conformance.wire;

import dev.starling.codec.xml.DecoderLimits;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the server over real sockets: each is answered with the right stream error
 * (RFC 6120 §4.9.3, §11) and its connection closed, while a second, authenticated session keeps
 * working.
 */
class BadInputWireTest {

    private static WireFixture fixture;
    private static XmppClient bystander;

    @BeforeAll
    static void start() {
        fixture = new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults().withLimits(DecoderLimits.DEFAULT.withMaxStanzaBytes(64 * 1024)),
                Duration.ofSeconds(3));
        bystander = fixture.connect("romeo");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DTD                  | <?xml version='1.0'?><!DOCTYPE stream:stream>                                      | restricted-xml",
            "entity bomb          | <?xml version='1.0'?><!DOCTYPE s [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>| restricted-xml",
            "comment              | HEADER<!-- hello -->                                                               | restricted-xml",
            "processing instr.    | HEADER<?php system('id'); ?>                                                       | restricted-xml",
            "unbound prefix       | HEADER<foo:bar/>                                                                   | not-well-formed",
            "stanza before auth   | HEADER<message to='romeo@localhost'><body>hi</body></message>                      | not-authorized",
            "wrong namespace      | <stream:stream to='localhost' version='1.0' xmlns:stream='urn:wrong'>             | invalid-namespace",
            "unknown host         | <stream:stream to='example.org' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'> | host-unknown",
            "old version          | <stream:stream to='localhost' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'> | unsupported-version",
    })
    void badInputGetsTheRightStreamError(String name, String input, String condition) throws Exception {
        assertRefused(input.replace("HEADER", RawConnection.HEADER).getBytes(StandardCharsets.UTF_8), condition);
    }

    @Test
    void invalidUtf8IsUnsupportedEncoding() throws Exception {
        byte[] header = (RawConnection.HEADER + "<message><body>").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(header, header.length + 2);
        bytes[header.length] = (byte) 0xC0; // an overlong '<'
        bytes[header.length + 1] = (byte) 0xBC;
        assertRefused(bytes, "unsupported-encoding");
    }

    @Test
    void aStanzaOverTheLimitIsAPolicyViolation() throws Exception {
        assertRefused((RawConnection.HEADER + "<message><body>" + "x".repeat(200 * 1024) + "</body></message>")
                .getBytes(StandardCharsets.UTF_8), "policy-violation");
    }

    @Test
    void tenThousandNestedElementsAreAPolicyViolation() throws Exception {
        assertRefused((RawConnection.HEADER + "<a>".repeat(10_000)).getBytes(StandardCharsets.UTF_8), "policy-violation");
    }

    @Test
    void bytesDribbledPastTheNegotiationTimeoutEndWithConnectionTimeout() throws Exception {
        try (RawConnection raw = new RawConnection(fixture.server.address())) {
            byte[] header = RawConnection.HEADER.getBytes(StandardCharsets.UTF_8);
            long start = System.currentTimeMillis();
            for (int i = 0; i < header.length && !raw.closedByServer() && System.currentTimeMillis() - start < 8000; i++) {
                raw.send(new byte[]{header[i]});
                raw.readUntilClosed(1000); // one byte per second
            }
            String answer = raw.readUntilClosed(3000);
            assertThat(answer).contains("<connection-timeout");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertBystanderWorks();
    }

    @Test
    void aFromThatIsNotTheSessionsIsInvalidFrom() {
        XmppClient juliet = fixture.connect("juliet");
        juliet.send(Message.chat(Jid.of("romeo@localhost"), "forged").withFrom(Option.some(Jid.of("mallory@localhost/x"))))
                .block(Duration.ofSeconds(5));
        SessionEvent.Ended ended = (SessionEvent.Ended) juliet.events().filter(SessionEvent.Ended.class::isInstance)
                .blockFirst(Duration.ofSeconds(5));
        assertThat(ended.reason().received().map(e -> e.condition().wireName())).contains("invalid-from");
        assertBystanderWorks();
    }

    private static void assertRefused(byte[] input, String condition) throws Exception {
        try (RawConnection raw = new RawConnection(fixture.server.address())) {
            String answer = raw.send(input).readUntilClosed(5000);
            assertThat(answer).contains("<stream:stream").contains("<" + condition + " xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"")
                    .endsWith("</stream:stream>");
            raw.send("</stream:stream>");
            raw.readUntilClosed(3000);
            assertThat(raw.closedByServer()).as("the server closed the connection").isTrue();
        }
        assertBystanderWorks();
    }

    private static void assertBystanderWorks() {
        assertThat(bystander.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
    }
}
