package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The server side of EXTERNAL (RFC 4422 Appendix A; in XMPP RFC 6120 §6.4 and XEP-0178 §3.7):
 * the TLS layer has verified the client certificate, and the message is the authzid.
 * <ul>
 *   <li>Empty (or {@code =}): derive the identity from the certificate. It must name exactly one
 *       identity; several are {@code invalid-authzid} because the client must then say which
 *       one it wants.</li>
 *   <li>Otherwise the authzid must be one of the certificate's identities (compared as JIDs when
 *       both are JIDs, else literally), else {@code invalid-authzid}.</li>
 * </ul>
 */
final class ExternalServer extends InitialResponseServer {

    private final Seq<String> certificateIdentities;

    /** @param certificateIdentities at least one identity (a certificate that names none, and is not mapped to one, cannot authenticate) */
    ExternalServer(Seq<String> certificateIdentities) {
        super(SaslMechanismNames.EXTERNAL);
        this.certificateIdentities = certificateIdentities;
    }

    @Override
    ServerStep onFirstMessage(Bytes message) {
        Option<String> text = Encodings.decodeUtf8(message);
        if (text.isEmpty()) {
            return malformed("the authzid is not UTF-8");
        }
        String authzid = text.get();
        if (authzid.isEmpty() || authzid.equals("=")) {
            return certificateIdentities.size() == 1
                    ? new ServerStep.Success(new Authenticated(certificateIdentities.head(), Option.none()), Option.none())
                    : failure(SaslFailureCondition.INVALID_AUTHZID, "the certificate names several identities: say which one");
        }
        return certificateIdentities.find(identity -> sameIdentity(identity, authzid))
                .<ServerStep>map(identity -> new ServerStep.Success(new Authenticated(identity, Option.some(identity)), Option.none()))
                .getOrElse(() -> failure(SaslFailureCondition.INVALID_AUTHZID, "the certificate does not name " + authzid));
    }

    private static boolean sameIdentity(String identity, String authzid) {
        if (identity.equals(authzid)) {
            return true;
        }
        Option<Jid> left = Jid.parse(identity).toOption();
        Option<Jid> right = Jid.parse(authzid).toOption();
        return left.isDefined() && left.equals(right);
    }
}
