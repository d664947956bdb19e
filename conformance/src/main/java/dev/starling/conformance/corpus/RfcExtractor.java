package dev.starling.conformance.corpus;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts every {@code <artwork/>} of an xml2rfc source, with section numbers as the RFC
 * prints them ("4.9.3.1" in the body, "A.2" in the appendices) and the caption taken from the
 * figure's title or, failing that, its preamble.
 */
final class RfcExtractor {

    private RfcExtractor() {
    }

    static SpecDocument extract(Path file) throws IOException, XMLStreamException {
        try (InputStream in = SpecSourceReader.input(file)) {
            XMLStreamReader reader = SpecSourceReader.open(in);
            String spec = "";
            String title = "";
            List<String> numbers = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<Integer> childCounts = new ArrayList<>(List.of(0));
            boolean inBack = false;
            String figureTitle = "";
            String preamble = "";
            List<SpecExample> examples = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "rfc" -> spec = "RFC " + reader.getAttributeValue(null, "number");
                        case "title" -> {
                            if (title.isEmpty()) {
                                title = SpecSourceReader.collapse(SpecSourceReader.textContent(reader));
                            }
                        }
                        case "back" -> {
                            inBack = true;
                            childCounts.set(0, 0);
                        }
                        case "section" -> {
                            int index = childCounts.get(childCounts.size() - 1) + 1;
                            childCounts.set(childCounts.size() - 1, index);
                            String own = inBack && numbers.isEmpty() ? String.valueOf((char) ('A' + index - 1)) : String.valueOf(index);
                            numbers.add(numbers.isEmpty() ? own : numbers.get(numbers.size() - 1) + "." + own);
                            titles.add(SpecSourceReader.collapse(String.valueOf(reader.getAttributeValue(null, "title"))));
                            childCounts.add(0);
                        }
                        case "figure" -> {
                            String t = reader.getAttributeValue(null, "title");
                            figureTitle = t == null ? "" : SpecSourceReader.collapse(t);
                            preamble = "";
                        }
                        case "preamble" -> preamble = SpecSourceReader.collapse(SpecSourceReader.textContent(reader));
                        case "artwork" -> {
                            String text = SpeakerTurns.trimBlankLines(SpecSourceReader.textContent(reader));
                            String caption = !figureTitle.isEmpty() ? figureTitle : preamble;
                            examples.add(new SpecExample(spec, examples.size() + 1, caption,
                                    numbers.isEmpty() ? "" : numbers.get(numbers.size() - 1),
                                    titles.isEmpty() ? "" : titles.get(titles.size() - 1), text, SpeakerTurns.split(text)));
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (reader.getLocalName().equals("section")) {
                        numbers.remove(numbers.size() - 1);
                        titles.remove(titles.size() - 1);
                        childCounts.remove(childCounts.size() - 1);
                    } else if (reader.getLocalName().equals("figure")) {
                        figureTitle = "";
                        preamble = "";
                    }
                }
            }
            return new SpecDocument(spec, title, "RFC", examples);
        }
    }
}
