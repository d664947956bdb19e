package dev.starling.io.client;

import dev.starling.machine.si.SiNegotiation;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Hash;
import dev.starling.model.stanza.Iq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What an incoming file offer amounts to, whichever protocol made it: who sends, under which
 * safe name, how many bytes, the bytestream's sid, the digest to check (MD5 for XEP-0096, a
 * XEP-0300 hash for Jingle), and the stanzas that accept and decline it.
 *
 * @param from       the sender's full JID
 * @param safeName   the name to store it under
 * @param size       its size
 * @param streamSid  the sid its bytestream (IBB or SOCKS5) will carry
 * @param algorithm  the digest algorithm, as {@link java.security.MessageDigest} names it, if a digest was offered
 * @param digest     the offered digest, lowercase hex
 * @param acceptIq   the acceptance of the whole file
 * @param resumeIq   the acceptance of the rest of the file from an offset, when the offer supports ranges (XEP-0096 §5.2)
 * @param declineIq  the refusal
 * @param jingle     the accepted Jingle session, for a Jingle offer (XEP-0234)
 * @param self       this client's full JID
 * @param afterAccept what the Jingle responder does besides sending the acceptance (try the SOCKS5 candidates)
 * @param offering   for a Jingle offer: these terms with a session-accept that offers the given SOCKS5 candidates of the
 *                   receiver's own (XEP-0260 §2.2)
 * @param date       when the sender says the file was last modified (XEP-0096 §4, XEP-0234 §5), if it says so and the date is a XEP-0082 DateTime
 * @param desc       the sender's description of the file, if any
 */
record OfferTerms(Jid from, String safeName, long size, String streamSid, Option<String> algorithm, Option<String> digest, Iq acceptIq,
                  Option<java.util.function.LongFunction<Iq>> resumeIq, Iq declineIq, Option<dev.starling.machine.jingle.JingleResponder.State> jingle, Jid self,
                  io.vavr.collection.Seq<dev.starling.machine.jingle.JingleResponder.Output> afterAccept,
                  Option<java.util.function.Function<io.vavr.collection.Seq<dev.starling.model.jingle.JingleTransport.Candidate>, OfferTerms>> offering,
                  Option<java.time.Instant> date, Option<String> desc) {
    OfferTerms {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(safeName, "safeName");
        Objects.requireNonNull(streamSid, "streamSid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(acceptIq, "acceptIq");
        Objects.requireNonNull(resumeIq, "resumeIq");
        Objects.requireNonNull(declineIq, "declineIq");
        Objects.requireNonNull(jingle, "jingle");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(afterAccept, "afterAccept");
        Objects.requireNonNull(offering, "offering");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(desc, "desc");
    }

    /** A XEP-0096 offer: the MD5 of its 'hash' attribute, accepted with the receiver's first method. */
    static OfferTerms of(Iq offerIq, SiNegotiation.Offer offer, Jid self) {
        return new OfferTerms(offer.from(), offer.safeName(), offer.size(), offer.sid(), offer.file().hash().map(h -> "MD5"),
                offer.file().hash().map(h -> h.toLowerCase(java.util.Locale.ROOT)), SiNegotiation.accept(offerIq, offer, Option.none()),
                offer.file().range().map(supported -> (java.util.function.LongFunction<Iq>) from -> SiNegotiation.accept(offerIq, offer,
                        Option.some(new dev.starling.model.si.Range(Option.some(from), Option.none())))),
                SiNegotiation.decline(offerIq), Option.none(), self, io.vavr.collection.Array.empty(), Option.none(),
                offer.file().date().flatMap(dev.starling.codec.DateTimes::parse), offer.file().desc());
    }

    /**
     * A Jingle offer (XEP-0234) the responder machine read: its XEP-0300 hash if offered (SHA-256
     * first), or the function named by {@code <hash-used/>} whose checksum comes later; the
     * session-accept and the session's state once accepted, and the decline.
     */
    static Option<OfferTerms> of(dev.starling.machine.jingle.JingleResponder.State offered, Jid self, dev.starling.machine.core.Fresh fresh) {
        return of(offered, self, fresh, io.vavr.collection.Array.empty());
    }

    private static Option<OfferTerms> of(dev.starling.machine.jingle.JingleResponder.State offered, Jid self, dev.starling.machine.core.Fresh fresh,
                                         io.vavr.collection.Seq<dev.starling.model.jingle.JingleTransport.Candidate> own) {
        var file = offered.file();
        Option<String> name = file.name().flatMap(dev.starling.model.si.FileNames::safe);
        if (name.isEmpty() || file.size().isEmpty()) {
            return Option.none();
        }
        var accepted = dev.starling.machine.jingle.JingleResponder.step(self, offered, new dev.starling.machine.jingle.JingleResponder.Input.Accept(own), fresh);
        var declined = dev.starling.machine.jingle.JingleResponder.step(self, offered, new dev.starling.machine.jingle.JingleResponder.Input.Decline(), fresh);
        var known = file.hashes().filter(h -> Hash.jdkName(h.algo()).isDefined() && !h.base64().isBlank());
        Option<Hash> hash = known.find(h -> h.algo().equals("sha-256")).orElse(known.headOption());
        Option<String> later = hash.isEmpty() ? file.hashUsed().filter(algo -> Hash.jdkName(algo).isDefined()) : Option.none();
        return Option.some(new OfferTerms(offered.initiator(), name.get(), file.size().get(), offered.ibbSid(),
                hash.map(Hash::algo).orElse(later).flatMap(Hash::jdkName), hash.map(OfferTerms::hex), sent(accepted.outputs()), Option.none(),
                sent(declined.outputs()), Option.some(accepted.state()), self,
                accepted.outputs().filter(o -> !(o instanceof dev.starling.machine.jingle.JingleResponder.Output.Send)),
                Option.some(candidates -> of(offered, self, fresh, candidates).get()), file.date(), file.desc()));
    }

    /** These terms, accepting with these SOCKS5 candidates of the receiver's own if the offer is a Jingle one (else the same terms). */
    OfferTerms offering(io.vavr.collection.Seq<dev.starling.model.jingle.JingleTransport.Candidate> own) {
        return offering.map(withOwn -> withOwn.apply(own)).getOrElse(this);
    }

    /** The Jingle SOCKS5 transport offered, if this is a Jingle offer over SOCKS5. */
    Option<dev.starling.model.jingle.JingleTransport.Socks5> jingleSocks5() {
        return jingle.flatMap(state -> state.content().transport()).filter(dev.starling.model.jingle.JingleTransport.Socks5.class::isInstance)
                .map(dev.starling.model.jingle.JingleTransport.Socks5.class::cast);
    }

    /**
     * Whether the digest comes after the offer: a function was named (a Jingle {@code <hash-used/>})
     * but no digest given, so the sender's checksum follows in a session-info (XEP-0234 §8.1).
     */
    boolean checksumFollows() {
        return algorithm.isDefined() && digest.isEmpty();
    }

    /** A XEP-0300 digest (base64) as lowercase hex, as the receiver compares digests. */
    static String hex(Hash hash) {
        return java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(hash.base64().strip()));
    }

    private static Iq sent(io.vavr.collection.Seq<dev.starling.machine.jingle.JingleResponder.Output> outputs) {
        return outputs.filter(dev.starling.machine.jingle.JingleResponder.Output.Send.class::isInstance)
                .map(o -> ((dev.starling.machine.jingle.JingleResponder.Output.Send) o).iq()).head();
    }
}
