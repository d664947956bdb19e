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
 * Extracts every {@code <example/>} of one XEP source, numbering sections the way the XSF's
 * rendering does ({@code section1} to {@code section4} give "2", "2.1", "2.1.3", ...).
 */
final class XepExtractor {

    private XepExtractor() {
    }

    static SpecDocument extract(Path file) throws IOException, XMLStreamException {
        try (InputStream in = SpecSourceReader.input(file)) {
            XMLStreamReader reader = SpecSourceReader.open(in);
            String number = "";
            String title = "";
            String status = "";
            int[] counters = new int[4];
            String[] titles = new String[4];
            int level = 0;
            boolean inHeader = false;
            List<SpecExample> examples = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("header")) {
                        inHeader = true;
                    } else if (inHeader && name.equals("number")) {
                        number = SpecSourceReader.textContent(reader).strip();
                        if (!number.matches("\\d{4}")) { // some sources use an entity for their number
                            number = file.getFileName().toString().replaceAll("\\D", "");
                        }
                    } else if (inHeader && name.equals("title") && title.isEmpty()) {
                        title = SpecSourceReader.collapse(SpecSourceReader.textContent(reader));
                    } else if (inHeader && name.equals("status")) {
                        status = SpecSourceReader.textContent(reader).strip();
                    } else if (name.matches("section[1-4]")) {
                        level = name.charAt(7) - '0';
                        counters[level - 1]++;
                        for (int i = level; i < counters.length; i++) {
                            counters[i] = 0;
                        }
                        titles[level - 1] = SpecSourceReader.collapse(String.valueOf(reader.getAttributeValue(null, "topic")));
                    } else if (name.equals("example")) {
                        String caption = SpecSourceReader.collapse(String.valueOf(reader.getAttributeValue(null, "caption")));
                        String text = SpeakerTurns.trimBlankLines(SpecSourceReader.textContent(reader));
                        examples.add(new SpecExample("XEP-" + number, examples.size() + 1,
                                caption.equals("null") ? "" : caption, sectionNumber(counters, level),
                                level == 0 ? "" : titles[level - 1], text, SpeakerTurns.split(text)));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("header")) {
                        inHeader = false;
                    } else if (name.matches("section[1-4]")) {
                        level = name.charAt(7) - '0' - 1;
                    }
                }
            }
            String spec = "XEP-" + number;
            return new SpecDocument(spec, title, status, examples.stream()
                    .map(e -> new SpecExample(spec, e.number(), e.caption(), e.section(), e.sectionTitle(), e.text(), e.parts()))
                    .toList());
        }
    }

    private static String sectionNumber(int[] counters, int level) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < level; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(counters[i]);
        }
        return sb.toString();
    }
}
