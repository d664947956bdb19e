package dev.starling.model.jingle;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <content/>} (XEP-0166 §7.3): one application and one transport.
 *
 * @param creator     who created it: {@code initiator} or {@code responder}
 * @param name        its name, unique in the session for its creator
 * @param senders     who sends: {@code initiator}, {@code responder}, {@code both} or {@code none}
 * @param description the application (for file transfer a {@link FileDescription})
 * @param transport   the transport
 * @param security    a security precondition (XEP-0166 §9), kept as its element
 */
public record JingleContent(String creator, String name, Option<String> senders, Option<JingleDescription> description,
                            Option<JingleTransport> transport, Option<dev.starling.model.element.Element> security) {
    public JingleContent {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(security, "security");
    }

    /** The same content with another transport. */
    public JingleContent withTransport(JingleTransport newTransport) {
        return new JingleContent(creator, name, senders, description, Option.some(newTransport), security);
    }

    /** The same content without its description (transport-replace and transport-info carry none). */
    public JingleContent withoutDescription() {
        return new JingleContent(creator, name, senders, Option.none(), transport, security);
    }
}
