package dev.starling.io.client;

import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.ibb.InBandBytestream;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * How a file is sent.
 *
 * @param methods        the stream methods to offer, in order of preference (XEP-0095 §3.1):
 *                       SOCKS5 bytestreams, in-band bytestreams or both; or the Jingle file-transfer
 *                       namespace alone, for a Jingle session instead of stream initiation
 * @param directHost     the address of this client's own SOCKS5 streamhost, offered first (XEP-0065 §5);
 *                       none offers only the server's proxy
 * @param proxy          whether to discover and offer the server's bytestream proxy (§4, §6)
 * @param perHostTimeout how long the receiver may take to reach one streamhost, and the proxy to answer
 * @param ibbWindow      how many IBB chunks may await their acknowledgement: 1 waits for each, as XEP-0047
 *                       §2.2 recommends and as receivers that handle chunks concurrently (Smack 4.4) need;
 *                       more grows adaptively up to this bound and is much faster against receivers that
 *                       keep order (Starling)
 * @param ibbAnswerTimeout how long the IBB sender waits for the receiver's next answer (a chunk's
 *                       acknowledgement or an error) before it fails the transfer: a receiver that left with a
 *                       chunk unanswered gives no other sign; 60 s unless set
 * @param description    the description of the file the offer carries, if any (the offer always names its
 *                       last-modified date)
 * @param ibbCarrier     what carries IBB chunks: IQs, each acknowledged (the default, XEP-0047 §2.2's SHOULD),
 *                       or messages, unacknowledged (§4), where only the close's answer says the receiver has them
 */
public record SendOptions(Seq<String> methods, Option<String> directHost, boolean proxy, Duration perHostTimeout, int ibbWindow,
                          Duration ibbAnswerTimeout, Option<String> description, InBandBytestream.Carrier ibbCarrier) {

    private static final Duration ANSWER = Duration.ofSeconds(60);

    public SendOptions {
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(directHost, "directHost");
        Objects.requireNonNull(perHostTimeout, "perHostTimeout");
        Objects.requireNonNull(ibbAnswerTimeout, "ibbAnswerTimeout");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(ibbCarrier, "ibbCarrier");
        if (ibbAnswerTimeout.isNegative() || ibbAnswerTimeout.isZero()) {
            throw new IllegalArgumentException("the IBB answer timeout must be positive: " + ibbAnswerTimeout);
        }
        if (ibbWindow < 1) {
            throw new IllegalArgumentException("the IBB window holds at least one chunk: " + ibbWindow);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("a file is offered with at least one stream method");
        }
    }

    /** SOCKS5 through the server's proxy, falling back to in-band bytestreams. */
    public static SendOptions auto() {
        return new SendOptions(Array.of(BytestreamQuery.NAMESPACE, InBandBytestream.NAMESPACE), Option.none(), true, Duration.ofSeconds(10), 1, ANSWER, Option.none(), InBandBytestream.Carrier.IQ);
    }

    /** In-band bytestreams only. */
    public static SendOptions ibb() {
        return new SendOptions(Array.of(InBandBytestream.NAMESPACE), Option.none(), false, Duration.ofSeconds(10), 1, ANSWER, Option.none(), InBandBytestream.Carrier.IQ);
    }

    /** Jingle file transfer (XEP-0234) over its in-band transport (XEP-0261), with a XEP-0300 SHA-256 sent as a checksum during the transfer (§8.1). */
    public static SendOptions jingle() {
        return new SendOptions(Array.of(dev.starling.model.jingle.FileDescription.NAMESPACE), Option.none(), false, Duration.ofSeconds(10), 1, ANSWER, Option.none(), InBandBytestream.Carrier.IQ);
    }

    /**
     * Jingle file transfer (XEP-0234) over SOCKS5 (XEP-0260) through the server's proxy (and this
     * client's own streamhost if added), replaced by IBB when no candidate works (§3).
     */
    public static SendOptions jingleSocks5() {
        return new SendOptions(Array.of(dev.starling.model.jingle.FileDescription.NAMESPACE, dev.starling.model.jingle.JingleTransport.Socks5.NAMESPACE),
                Option.none(), true, Duration.ofSeconds(10), 1, ANSWER, Option.none(), InBandBytestream.Carrier.IQ);
    }

    /** SOCKS5 bytestreams only (through the proxy unless a direct host is added): no fallback. */
    public static SendOptions socks5() {
        return new SendOptions(Array.of(BytestreamQuery.NAMESPACE), Option.none(), true, Duration.ofSeconds(10), 1, ANSWER, Option.none(), InBandBytestream.Carrier.IQ);
    }

    /** The same options offering this client's own streamhost on {@code host} first. */
    public SendOptions withDirectHost(String host) {
        return new SendOptions(methods, Option.some(host), proxy, perHostTimeout, ibbWindow, ibbAnswerTimeout, description, ibbCarrier);
    }

    /** The same options with or without the server's proxy. */
    public SendOptions withProxy(boolean use) {
        return new SendOptions(methods, directHost, use, perHostTimeout, ibbWindow, ibbAnswerTimeout, description, ibbCarrier);
    }

    /** The same options letting up to {@code chunks} IBB chunks await acknowledgement. */
    public SendOptions withIbbWindow(int chunks) {
        return new SendOptions(methods, directHost, proxy, perHostTimeout, chunks, ibbAnswerTimeout, description, ibbCarrier);
    }

    /** The same options failing an IBB transfer when the receiver has not answered for {@code timeout}. */
    public SendOptions withIbbAnswerTimeout(Duration timeout) {
        return new SendOptions(methods, directHost, proxy, perHostTimeout, ibbWindow, timeout, description, ibbCarrier);
    }

    /** The same options describing the file to the receiver (XEP-0096 {@code <desc/>}, XEP-0234 {@code <desc/>}). */
    public SendOptions withDescription(String text) {
        return new SendOptions(methods, directHost, proxy, perHostTimeout, ibbWindow, ibbAnswerTimeout, Option.some(text), ibbCarrier);
    }

    /** The same options carrying IBB chunks in messages (XEP-0047 §4) instead of IQs. */
    public SendOptions withIbbInMessages() {
        return new SendOptions(methods, directHost, proxy, perHostTimeout, ibbWindow, ibbAnswerTimeout, description,
                InBandBytestream.Carrier.MESSAGE);
    }
}
