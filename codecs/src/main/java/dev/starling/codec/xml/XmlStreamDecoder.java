package dev.starling.codec.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.starling.codec.stream.StreamHeaderCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental decoder of one direction of an XML stream (RFC 6120 §4) over Aalto's
 * non-blocking parser. Feed it byte chunks of any size, split anywhere (inside a tag or a UTF-8
 * sequence), then pull {@link StreamEvent}s with {@link #next()} until it returns none. Each
 * top-level element is reported as soon as its end tag has been read; the stream root's
 * children are never kept.
 *
 * <p>The decoder enforces the restricted XML of RFC 6120 §11 (no DTD, comment, processing
 * instruction, or entity reference other than the predefined ones: {@code restricted-xml}),
 * UTF-8 only ({@code unsupported-encoding}), well-formedness ({@code not-well-formed}) and the
 * {@link DecoderLimits} ({@code policy-violation}). It never throws on any input: every problem
 * is a {@link StreamEvent.StreamFailed}, after which it reports nothing more.
 *
 * <p>Pulling one event at a time lets the caller {@link #restart()} at the exact element that
 * requires it (after STARTTLS {@code <proceed/>} or SASL {@code <success/>}, RFC 6120 §5.4.3.3
 * and §6.4.6): input that arrived after that element is discarded, as an entity must not act on
 * data received before the stream restart.
 *
 * <p>Between top-level elements, when all input has been read, the decoder lets go of its parser
 * (an Aalto reader holds several KiB of buffers and name tables) and keeps only the stream root's
 * namespace declarations; the next input resumes on a new parser primed with an equivalent root
 * start tag. An idle connection thus holds no parser, at the cost of creating one per burst of
 * input (about 1.5 µs).
 *
 * <p>An instance is a single-owner mutable object (like the parser inside it); it is not
 * thread-safe and does no I/O.
 */
public final class XmlStreamDecoder {

    /** Input is handed to the parser in slices of at most this many bytes (the accounting grain). */
    public static final int SLICE_BYTES = 4096;

    private enum Phase { PROLOG, OPEN, CLOSED, FAILED }

    private final DecoderLimits limits;
    private final QNameCache names = new QNameCache();
    private Element.Builder[] builders = new Element.Builder[16]; // reused, one per depth below the root
    private int depth;                                            // open elements below the root
    private int[] textChars = new int[16];                      // characters so far, per depth
    private StringBuilder[] texts = new StringBuilder[16];        // a text run not yet handed to its builder, per depth
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;   // null while released between top-level elements
    private byte[] resumeRoot;                                    // the root start tag a new parser is primed with
    private long fedBytes;                                        // bytes handed to the current parser
    private long boundaryOffset;                                  // where its last complete top-level unit ended
    private int sliceOffset;                                      // the array offset of the slice it reads now
    private Phase phase;
    private byte[] chunk;
    private int chunkPosition;
    private int chunkEnd;
    private boolean endOfInput;
    private boolean endOfInputSignalled;
    private long unitBytes;
    private final byte[] carry = new byte[4];
    private int carryLength;
    private int lastSliceLength;
    private boolean seenAnyByte;
    private boolean prologScanned;
    private int previousPrologByte;

    /** A decoder with the {@link DecoderLimits#DEFAULT default limits}. */
    public XmlStreamDecoder() {
        this(DecoderLimits.DEFAULT);
    }

    /** A decoder with the given limits. */
    public XmlStreamDecoder(DecoderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        reset();
    }

    public DecoderLimits limits() {
        return limits;
    }

    /**
     * Hands the decoder the next bytes of the stream. The decoder reads the array lazily from
     * {@link #next()}, so the caller must not modify it until {@code next()} has returned none.
     *
     * @throws IllegalStateException if the previous input has not been drained with {@link #next()}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (hasPendingInput()) {
            throw new IllegalStateException("drain next() before feeding more input");
        }
        if (endOfInput) {
            throw new IllegalStateException("input already ended");
        }
        chunk = bytes;
        chunkPosition = offset;
        chunkEnd = offset + length;
    }

    /** Hands the decoder a whole array (see {@link #feed(byte[], int, int)}). */
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * Signals that the connection delivered its last byte. A stream that was not closed with
     * {@code </stream:stream>} then yields a {@code not-well-formed} failure rather than waiting
     * forever (Aalto keeps answering "incomplete" after end of input).
     */
    public void endOfInput() {
        endOfInput = true;
    }

    /** Whether a parser is held now: false between top-level elements once all input was read (see above). */
    public boolean holdsParser() {
        return reader != null;
    }

    /** Whether bytes handed to {@link #feed} have not been parsed yet. */
    public boolean hasPendingInput() {
        return chunk != null && chunkPosition < chunkEnd;
    }

    /**
     * Starts a fresh parser for a new stream on the same connection (RFC 6120 §4.3.3), discarding
     * any input not yet reported. Also clears a failure.
     *
     * @return whether any input was discarded
     */
    public boolean restart() {
        boolean discarded = hasPendingInput() || carryLength > 0 || (reader != null && !reader.getInputFeeder().needMoreInput());
        reset();
        return discarded;
    }

    private void reset() {
        reader = AaltoFactories.newAsyncReader();
        resumeRoot = null;
        fedBytes = 0;
        boundaryOffset = -1;
        sliceOffset = 0;
        phase = Phase.PROLOG;
        chunk = null;
        chunkPosition = 0;
        chunkEnd = 0;
        depth = 0;
        Arrays.fill(texts, null);
        unitBytes = 0;
        carryLength = 0;
        lastSliceLength = 0;
        seenAnyByte = false;
        prologScanned = false;
        previousPrologByte = -1;
        endOfInputSignalled = false;
    }

    /** The next event, or none when more input is needed (or the stream ended or failed). */
    public Option<StreamEvent> next() {
        if (phase == Phase.FAILED || phase == Phase.CLOSED) {
            chunk = null;
            return Option.none();
        }
        try {
            if (reader == null) {
                resume();
            }
            while (true) {
                int event = reader.next();
                if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                    if (unitBytes > limits.maxStanzaBytes()) {
                        return fail(StreamErrorCondition.POLICY_VIOLATION,
                                "a top-level element exceeds the limit of " + limits.maxStanzaBytes() + " bytes");
                    }
                    if (hasPendingInput()) {
                        Option<StreamEvent> prefail = feedSlice();
                        if (prefail.isDefined()) {
                            return prefail;
                        }
                        continue;
                    }
                    chunk = null;
                    if (endOfInput && !endOfInputSignalled) {
                        endOfInputSignalled = true;
                        reader.getInputFeeder().endOfInput();
                        continue;
                    }
                    if (endOfInputSignalled) {
                        return fail(StreamErrorCondition.NOT_WELL_FORMED, "the input ended before the stream was closed");
                    }
                    releaseAtBoundary();
                    return Option.none();
                }
                Option<StreamEvent> result = handle(event);
                if (result.isDefined()) {
                    return result;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            return fail(Failures.classify(e), Failures.describe(e));
        }
    }

    /**
     * Hands Aalto the next slice of the pending chunk. A slice never ends inside a UTF-8 sequence:
     * Aalto's async parser corrupts a supplementary character in an attribute value when its four
     * bytes arrive in separate feeds (seen with aalto-xml 1.4.0: U+1F600 read as U+F600). A chunk
     * that ends mid-character keeps those bytes until the next chunk completes the character.
     */
    private Option<StreamEvent> feedSlice() throws XMLStreamException {
        if (carryLength > 0) {
            int needed = Utf8.sequenceLength(carry[0]) - carryLength;
            int taken = Math.min(needed, chunkEnd - chunkPosition);
            System.arraycopy(chunk, chunkPosition, carry, carryLength, taken);
            chunkPosition += taken;
            carryLength += taken;
            if (taken < needed) {
                return Option.none(); // still incomplete: wait for the next chunk
            }
            byte[] bridge = java.util.Arrays.copyOf(carry, carryLength);
            carryLength = 0;
            return handToParser(bridge, 0, bridge.length);
        }
        int end = chunkPosition + Math.min(SLICE_BYTES, chunkEnd - chunkPosition);
        int characterStart = Utf8.incompleteTailStart(chunk, chunkPosition, end);
        if (characterStart < end && end == chunkEnd) {
            carryLength = end - characterStart;
            System.arraycopy(chunk, characterStart, carry, 0, carryLength);
            chunkEnd = characterStart;
        }
        end = characterStart;
        if (end == chunkPosition) {
            return Option.none();
        }
        int start = chunkPosition;
        chunkPosition = end;
        return handToParser(chunk, start, end - start);
    }

    private Option<StreamEvent> handToParser(byte[] bytes, int offset, int length) throws XMLStreamException {
        if (phase == Phase.PROLOG) {
            Option<StreamEvent> rejected = checkProlog(bytes, offset, length);
            if (rejected.isDefined()) {
                return rejected;
            }
        }
        if (!Utf8.isWellFormed(bytes, offset, length)) {
            return fail(StreamErrorCondition.UNSUPPORTED_ENCODING,
                    "the input is not valid UTF-8 (RFC 3629: malformed, overlong or out-of-range sequence)");
        }
        reader.getInputFeeder().feedInput(bytes, offset, length);
        sliceOffset = offset;
        fedBytes += length;
        lastSliceLength = length;
        unitBytes += length;
        return Option.none();
    }

    /**
     * Checks the prolog, up to the start tag of the stream root, for what Aalto's async parser
     * cannot report itself: a byte order mark or UTF-16/32 input (only UTF-8 is allowed, RFC 6120
     * §11.6) and any {@code <!} (a DOCTYPE, whose internal subset Aalto cannot parse, or a
     * comment; RFC 6120 §11.1). Processing instructions are left to the parser, which reports
     * them.
     */
    private Option<StreamEvent> checkProlog(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length && !prologScanned; i++) {
            int b = bytes[i] & 0xFF;
            if (!seenAnyByte) {
                seenAnyByte = true;
                if (b == 0x00 || b == 0xFE || b == 0xFF || b == 0xEF) {
                    return fail(StreamErrorCondition.UNSUPPORTED_ENCODING,
                            "the stream must be UTF-8 without a byte order mark");
                }
            }
            if (previousPrologByte == '<') {
                if (b == '!') {
                    return fail(StreamErrorCondition.RESTRICTED_XML, "a DTD or comment before the stream header (RFC 6120 §11.1)");
                }
                prologScanned = b != '?'; // the root start tag: the prolog is over
            }
            previousPrologByte = b;
        }
        return Option.none();
    }

    private Option<StreamEvent> handle(int event) throws XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_DOCUMENT:
                String declared = reader.getCharacterEncodingScheme();
                if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
                    return fail(StreamErrorCondition.UNSUPPORTED_ENCODING, "declared encoding " + declared + " is not UTF-8");
                }
                return Option.none();
            case XMLStreamConstants.START_ELEMENT:
                return reader.getDepth() == 1 ? openStream() : startElement();
            case XMLStreamConstants.END_ELEMENT:
                return endElement();
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
                return characters();
            case XMLStreamConstants.COMMENT:
                return fail(StreamErrorCondition.RESTRICTED_XML, "comments are not allowed (RFC 6120 §11.1)");
            case XMLStreamConstants.PROCESSING_INSTRUCTION:
                return fail(StreamErrorCondition.RESTRICTED_XML, "processing instructions are not allowed (RFC 6120 §11.1)");
            case XMLStreamConstants.DTD:
                return fail(StreamErrorCondition.RESTRICTED_XML, "a DTD is not allowed (RFC 6120 §11.1)");
            case XMLStreamConstants.ENTITY_REFERENCE:
                return fail(StreamErrorCondition.RESTRICTED_XML,
                        "entity reference &" + reader.getLocalName() + "; is not one of the five predefined entities (RFC 6120 §11.1)");
            case XMLStreamConstants.END_DOCUMENT:
                return phase == Phase.OPEN
                        ? fail(StreamErrorCondition.NOT_WELL_FORMED, "the input ended before the stream was closed")
                        : Option.none();
            default:
                return fail(StreamErrorCondition.NOT_WELL_FORMED, "unexpected XML construct (event " + event + ")");
        }
    }

    private Option<StreamEvent> openStream() throws XMLStreamException {
        String namespace = reader.getNamespaceURI();
        String prefix = reader.getPrefix();
        if (!Namespaces.STREAMS.equals(namespace)) {
            return fail(StreamErrorCondition.INVALID_NAMESPACE,
                    "the stream root must be in " + Namespaces.STREAMS + " (RFC 6120 §4.8.1)");
        }
        if (!"stream".equals(reader.getLocalName())) {
            return fail(StreamErrorCondition.BAD_FORMAT, "the stream root must be <stream:stream>");
        }
        if (prefix != null && !prefix.isEmpty() && !"stream".equals(prefix)) {
            return fail(StreamErrorCondition.BAD_NAMESPACE_PREFIX,
                    "the stream namespace must use the prefix 'stream' or none (RFC 6120 §4.8.2, §4.8.5)");
        }
        Element.Builder root = Element.parsedBuilder(names.get(namespace, "stream"));
        Option<StreamEvent> attributeFailure = copyAttributes(root);
        if (attributeFailure.isDefined()) {
            return attributeFailure;
        }
        String contentNamespace = "";
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declaredPrefix = reader.getNamespacePrefix(i);
            if (declaredPrefix == null || declaredPrefix.isEmpty()) {
                String declared = Objects.requireNonNullElse(reader.getNamespaceURI(i), "");
                contentNamespace = Namespaces.STREAMS.equals(declared) ? "" : declared; // prefix-free: no content namespace
            }
        }
        Either<StreamError, dev.starling.model.stream.StreamHeader> header =
                StreamHeaderCodec.decode(root.build(), contentNamespace);
        if (header.isLeft()) {
            return failWith(header.getLeft());
        }
        phase = Phase.OPEN;
        unitBytes = lastSliceLength;
        resumeRoot = resumeRoot(prefix);
        boundaryOffset = endOfEvent();
        return Option.some(new StreamEvent.StreamOpened(header.get()));
    }

    /** A start tag equivalent to the stream root for what follows it: the same prefix and namespace declarations. */
    private byte[] resumeRoot(String prefix) {
        StringBuilder tag = new StringBuilder("<").append(prefix == null || prefix.isEmpty() ? "" : prefix + ":").append("stream");
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            tag.append(declared == null || declared.isEmpty() ? " xmlns" : " xmlns:" + declared).append("='");
            String uri = Objects.requireNonNullElse(reader.getNamespaceURI(i), "");
            tag.append(uri.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")).append('\'');
        }
        return tag.append('>').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Lets go of the parser when everything it was fed ends exactly where a top-level element (or
     * whitespace between them) ended: nothing of the stream is then held inside it.
     */
    private void releaseAtBoundary() {
        if (phase == Phase.OPEN && depth == 0 && carryLength == 0 && boundaryOffset == fedBytes) {
            reader = null;
            Arrays.fill(builders, null);
            Arrays.fill(texts, null);
        }
    }

    /**
     * Where the current event ended, in bytes handed to this parser. Aalto (1.3) counts the bytes
     * of earlier slices correctly but adds the array index, not the position within the slice,
     * for the current one.
     */
    private long endOfEvent() throws XMLStreamException {
        return reader.getLocationInfo().getEndingByteOffset() - sliceOffset;
    }

    /** A new parser, positioned inside a root equivalent to the stream's, as the released one was. */
    private void resume() throws XMLStreamException {
        reader = AaltoFactories.newAsyncReader();
        reader.getInputFeeder().feedInput(resumeRoot, 0, resumeRoot.length);
        for (int event = reader.next(); event != XMLStreamConstants.START_ELEMENT; event = reader.next()) {
            if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                throw new IllegalStateException("the stream root could not be replayed");
            }
        }
        fedBytes = resumeRoot.length;
        boundaryOffset = fedBytes;
        sliceOffset = 0;
    }

    private Option<StreamEvent> startElement() {
        if (depth + 1 > limits.maxDepth()) {
            return fail(StreamErrorCondition.POLICY_VIOLATION,
                    "elements nested deeper than the limit of " + limits.maxDepth());
        }
        String namespace = Objects.requireNonNullElse(reader.getNamespaceURI(), "");
        QName name = names.get(namespace, reader.getLocalName());
        if (depth == builders.length) {
            builders = Arrays.copyOf(builders, depth * 2);
            textChars = Arrays.copyOf(textChars, depth * 2);
            texts = Arrays.copyOf(texts, depth * 2);
        }
        if (depth > 0) {
            flushText(depth - 1); // the parent's text before this child, in document order
        }
        Element.Builder builder = builders[depth] == null ? Element.parsedBuilder(name) : builders[depth].reset(name);
        builders[depth] = builder;
        Option<StreamEvent> attributeFailure = copyAttributes(builder);
        if (attributeFailure.isDefined()) {
            return attributeFailure;
        }
        textChars[depth++] = 0;
        return Option.none();
    }

    private Option<StreamEvent> copyAttributes(Element.Builder builder) {
        int count = reader.getAttributeCount();
        if (count > limits.maxAttributes()) {
            return fail(StreamErrorCondition.POLICY_VIOLATION,
                    count + " attributes on one element exceed the limit of " + limits.maxAttributes());
        }
        for (int i = 0; i < count; i++) {
            String namespace = Objects.requireNonNullElse(reader.getAttributeNamespace(i), "");
            builder.attribute(names.get(namespace, reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
        }
        return Option.none();
    }

    private Option<StreamEvent> endElement() throws XMLStreamException {
        if (depth == 0) { // the stream root itself
            phase = Phase.CLOSED;
            chunk = null;
            return Option.some(new StreamEvent.StreamClosed());
        }
        flushText(--depth);
        Element element = builders[depth].build();
        if (depth == 0) {
            unitBytes = lastSliceLength; // the rest of this slice belongs to what follows
            boundaryOffset = endOfEvent();
            return Option.some(new StreamEvent.TopLevelElement(element));
        }
        builders[depth - 1].child(element);
        return Option.none();
    }

    /**
     * Character data, which Aalto reports in as many events as the input had slices (a 22 KB IBB
     * chunk arrives in six). Each event's characters are copied from the parser's buffer into
     * the text run of the element they belong to, which reaches the element's builder as one
     * string when a child starts or the element ends: no string per event.
     */
    private Option<StreamEvent> characters() throws XMLStreamException {
        char[] chars = reader.getTextCharacters();
        int start = reader.getTextStart();
        int length = reader.getTextLength();
        if (depth == 0) {
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return fail(StreamErrorCondition.BAD_FORMAT, "character data between top-level elements");
                }
            }
            unitBytes = lastSliceLength; // whitespace keepalives (RFC 6120 §4.6.1) end a unit
            boundaryOffset = endOfEvent();
            return Option.none();
        }
        int top = depth - 1;
        int total = textChars[top] + length;
        if (total > limits.maxTextChars()) {
            return fail(StreamErrorCondition.POLICY_VIOLATION,
                    "character data in one element exceeds the limit of " + limits.maxTextChars() + " characters");
        }
        textChars[top] = total;
        if (length > 0) {
            StringBuilder run = texts[top];
            if (run == null) {
                run = new StringBuilder(length);
                texts[top] = run;
            }
            run.append(chars, start, length);
        }
        return Option.none();
    }

    /** Hands the text run collected at a depth to that depth's builder, keeping the run's buffer for the next one. */
    private void flushText(int at) {
        StringBuilder run = texts[at];
        if (run != null && run.length() > 0) {
            builders[at].text(run.toString());
            run.setLength(0);
        }
    }

    private Option<StreamEvent> fail(StreamErrorCondition condition, String description) {
        return failWith(StreamError.of(condition, Failures.printable(description)));
    }

    private Option<StreamEvent> failWith(StreamError error) {
        phase = Phase.FAILED;
        chunk = null;
        depth = 0;
        Arrays.fill(texts, null);
        return Option.some(new StreamEvent.StreamFailed(error));
    }
}
