package dev.starling.conformance.wire;

import dev.starling.io.client.ClientPrivacy;
import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0016 over real sockets: Juliet, on two sessions, writes a list that denies Romeo's
 * messages; the other session hears the push; as the default list it makes Romeo's message bounce
 * with service-unavailable while his IQs still reach her; the list may not be removed while the
 * other session relies on it; her lists outlive her sessions; a rule of an unknown type is
 * bad-request and changes nothing.
 */
class PrivacyWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");
    private static final PrivacyList NO_ROMEO = new PrivacyList("no-romeo", Array.of(
            new PrivacyRule(Option.some(PrivacyRule.Type.JID), Option.some("romeo@localhost"), PrivacyRule.Action.DENY, 1,
                    LinkedHashSet.of(PrivacyRule.Kind.MESSAGE)),
            new PrivacyRule(Option.none(), Option.none(), PrivacyRule.Action.ALLOW, 2, LinkedHashSet.empty())));

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void julietsDefaultListBouncesRomeosMessages() throws Exception {
        XmppClient balcony = fixture.connect(session("balcony"), false);
        XmppClient chamber = fixture.connect(session("chamber"), false);
        XmppClient romeo = fixture.connect("romeo");
        BlockingQueue<String> pushes = new LinkedBlockingQueue<>();
        chamber.privacy().changes().subscribe(pushes::add);
        BlockingQueue<Message> toJuliet = new LinkedBlockingQueue<>();
        balcony.stanzas().ofType(Message.class).subscribe(toJuliet::add);
        BlockingQueue<Message> toRomeo = new LinkedBlockingQueue<>();
        romeo.stanzas().ofType(Message.class).subscribe(toRomeo::add);
        balcony.available().block(WAIT);

        balcony.privacy().put(NO_ROMEO).block(WAIT);
        assertThat(pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("XEP-0016 §2.6: pushed to the other session").isEqualTo("no-romeo");
        assertThat(balcony.privacy().list("no-romeo").block(WAIT)).isEqualTo(NO_ROMEO);
        balcony.privacy().makeDefault(Option.some("no-romeo")).block(WAIT);

        romeo.send(Message.chat(JULIET, "wherefore?")).block(WAIT);
        Message bounced = toRomeo.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(bounced).isNotNull();
        assertThat(bounced.effectiveType()).isEqualTo(MessageType.ERROR);
        assertThat(bounced.error().map(e -> e.condition().wireName())).contains("service-unavailable");
        assertThat(toJuliet.poll(200, TimeUnit.MILLISECONDS)).as("nothing reached Juliet").isNull();
        assertThat(romeo.version(Option.some(balcony.jid())).block(WAIT)).as("IQs are not in the list").isNotNull();

        try {
            balcony.privacy().remove("no-romeo").block(WAIT);
            throw new AssertionError("removed a list another session relies on");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("conflict");
        }
        try {
            balcony.request(IqType.SET, Option.none(), Element.builder(PrivacyQuery.NAMESPACE, "query")
                    .child(Element.builder(PrivacyQuery.NAMESPACE, "list").attribute("name", "odd")
                            .child(Element.builder(PrivacyQuery.NAMESPACE, "item").attribute("type", "colour").attribute("value", "red")
                                    .attribute("action", "deny").attribute("order", "1").build()).build()).build()).block(WAIT);
            throw new AssertionError("a rule of an unknown type was accepted");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("bad-request");
        }
        chamber.close().block(WAIT);
        balcony.close().block(WAIT);

        XmppClient later = fixture.connect("juliet");
        ClientPrivacy.Names names = later.privacy().names().block(WAIT);
        assertThat(names.lists()).as("stored, without the refused list").containsExactly("no-romeo");
        assertThat(names.defaultList()).contains("no-romeo");
        assertThat(names.active()).isEmpty();
        later.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    private static dev.starling.machine.stream.client.ClientConfig session(String resource) {
        return dev.starling.machine.stream.client.ClientConfig.of(JULIET.withResource(resource).get(), WireFixture.password("juliet"))
                .withKeepalive(Option.none());
    }
}
