package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/** Message delivery receipts, XEP-0184 ({@code urn:xmpp:receipts}). */
public sealed interface Receipt extends Extension {

    /** The namespace. */
    String NAMESPACE = "urn:xmpp:receipts";

    /** {@code <request/>}: the sender asks for a receipt (§4). */
    record Request() implements Receipt {
    }

    /**
     * {@code <received id='...'/>}: the message with this id arrived (§4).
     *
     * @param id the id of the message received; older implementations leave it out
     */
    record Received(Option<String> id) implements Receipt {
        public Received {
            Objects.requireNonNull(id, "id");
        }
    }
}
