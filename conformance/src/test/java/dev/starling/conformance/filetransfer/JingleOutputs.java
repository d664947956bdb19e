package dev.starling.conformance.filetransfer;

import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import io.vavr.collection.Seq;

/** What the Jingle SOCKS5 replays read off the machines' outputs: the stanzas sent, and a Jingle stanza's SOCKS5 transport. */
final class JingleOutputs {

    private JingleOutputs() {
    }

    /** The SOCKS5 transport of a Jingle stanza's first content. */
    static JingleTransport.Socks5 transport(Iq iq) {
        return (JingleTransport.Socks5) ((Jingle) iq.payload().get()).contents().head().transport().get();
    }

    /** The stanzas the initiator sends. */
    static Seq<Iq> sent(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }

    /** The stanzas the responder sends. */
    static Seq<Iq> sentR(Seq<JingleResponder.Output> outputs) {
        return outputs.filter(JingleResponder.Output.Send.class::isInstance).map(o -> ((JingleResponder.Output.Send) o).iq());
    }
}
