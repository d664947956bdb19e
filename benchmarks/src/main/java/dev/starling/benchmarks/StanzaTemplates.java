package dev.starling.benchmarks;

import java.util.Random;

/**
 * Writes the four kinds of stanza in {@link StanzaCorpus}, as a server sends them to a client
 * inside a {@code jabber:client} stream (no {@code xmlns} on the stanza itself). Variable parts
 * are drawn from a {@link Random} the caller seeds, so the output is the same on every JDK.
 */
final class StanzaTemplates {

    private static final String[] CONTACTS = {
        "romeo@montague.example", "juliet@capulet.example", "nurse@capulet.example",
        "mercutio@montague.example", "benvolio@montague.example", "tybalt@capulet.example",
        "friar.laurence@verona.example", "rosaline@capulet.example", "paris@verona.example",
        "balthasar@montague.example", "ζωή@ελληνικά.example", "françois@pâtisserie.example",
    };
    private static final String[] RESOURCES = {"orchard", "balcony", "Conversations.x7Qz", "gajim.K2PD", "phone"};
    private static final String[] PHRASES = {
        "Are you coming to the feast tonight?",
        "I'll bring the wine & the cheese; don't be late <again>.",
        "Ça va ? On se retrouve à la gare à 18h, d'accord ?",
        "Приветствую! Как прошла встреча с Меркуцио?",
        "今晚在花园见面吧，记得带上那本书。",
        "مرحبا، هل وصلت الرسالة؟",
        "😀 Good news, the ship has arrived 🚢 and everyone is safe 🙏",
        "The build is green again, thanks for the quick fix on the parser.",
        "Can you send me the slides from Thursday's meeting when you get a chance?",
        "Ich bin gleich da – nur noch fünf Minuten, versprochen.",
        "\"Parting is such sweet sorrow\" — you quote that far too often.",
        "ok",
    };
    private static final String[] STATUSES = {
        "In a meeting until 15:00", "Working from the café ☕", "On the train, spotty coverage",
        "Écoute de la musique", "Back in 10", "休假中，周一回来",
    };
    private static final String[] SHOWS = {"away", "chat", "dnd", "xa"};
    private static final String[] CAPS_NODES = {"https://conversations.im", "https://gajim.org", "https://dino.im"};
    private static final String[] GROUPS = {"Friends", "Family", "Work", "Montague", "Capulet"};
    private static final String[] FEATURES = {
        "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
        "http://jabber.org/protocol/muc", "jabber:iq:register", "vcard-temp", "urn:xmpp:mam:2",
        "urn:xmpp:sid:0", "muc_public", "muc_open", "muc_unmoderated", "muc_persistent",
        "muc_semianonymous", "urn:xmpp:occupant-id:0", "http://jabber.org/protocol/muc#stable_id",
    };

    private StanzaTemplates() {
    }

    /** A chat message with a body of one to four phrases and an XEP-0085 active chat state. */
    static String message(Random random, int serial) {
        StringBuilder body = new StringBuilder(pick(random, PHRASES));
        for (int extra = random.nextInt(4); extra > 0; extra--) {
            body.append(' ').append(pick(random, PHRASES));
        }
        return "<message from='" + fullJid(random) + "' to='juliet@capulet.example/balcony' type='chat'"
                + " id='msg-" + serial + "'><body>" + escape(body) + "</body>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>";
    }

    /** An available presence with show, status, priority and XEP-0115 entity capabilities. */
    static String presence(Random random, int serial) {
        return "<presence from='" + fullJid(random) + "' to='juliet@capulet.example/balcony' id='pres-" + serial + "'>"
                + "<show>" + pick(random, SHOWS) + "</show><status>" + escape(pick(random, STATUSES)) + "</status>"
                + "<priority>" + random.nextInt(50) + "</priority>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='" + pick(random, CAPS_NODES)
                + "' ver='" + base64(random, 28) + "'/></presence>";
    }

    /** A roster push (RFC 6121 §2.1.6): an IQ set with one item in one group. */
    static String rosterPush(Random random, int serial) {
        String contact = pick(random, CONTACTS);
        return "<iq to='juliet@capulet.example/balcony' type='set' id='push-" + serial + "'>"
                + "<query xmlns='jabber:iq:roster' ver='ver" + serial + "'><item jid='" + contact
                + "' name='" + escape(contact.substring(0, contact.indexOf('@'))) + "' subscription='both'>"
                + "<group>" + pick(random, GROUPS) + "</group></item></query></iq>";
    }

    /** A XEP-0030 disco#info result for a chat room: two identities and several features. */
    static String discoInfoResult(Random random, int serial) {
        StringBuilder features = new StringBuilder();
        int count = 6 + random.nextInt(FEATURES.length - 5);
        for (int i = 0; i < count; i++) {
            features.append("<feature var='").append(FEATURES[i]).append("'/>");
        }
        return "<iq from='chat.verona.example' to='juliet@capulet.example/balcony' type='result' id='disco-" + serial + "'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='conference' type='text' name='Verona public rooms'/>"
                + "<identity category='directory' type='chatroom' name='Room directory'/>"
                + features + "</query></iq>";
    }

    private static String fullJid(Random random) {
        return pick(random, CONTACTS) + "/" + pick(random, RESOURCES);
    }

    private static String base64(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length - 1; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.append('=').toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String escape(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
