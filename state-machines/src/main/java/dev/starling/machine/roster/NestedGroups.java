package dev.starling.machine.roster;

import dev.starling.model.element.Element;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * XEP-0083 nested roster groups: a delimiter kept in private storage
 * ({@code <roster xmlns='roster:delimiter'>::</roster>}, §3.1) splits each roster group name into
 * a path ({@code Midsummer::Actors} is the group Actors inside Midsummer, §3.2). Pure: what the
 * client stored comes in, the tree of groups comes out. A single alphanumeric delimiter means
 * nesting is off (§2: "to avoid malicious use of this element by setting 'e' or 'm'").
 */
public final class NestedGroups {

    /** The namespace of the stored delimiter. */
    public static final String NAMESPACE = "roster:delimiter";

    private NestedGroups() {
    }

    /**
     * One group of the tree.
     *
     * @param name     the group's own name (its last path segment)
     * @param groups   the groups nested in it, in the roster's order
     * @param contacts the contacts directly in it, in the roster's order
     */
    public record Group(String name, Seq<Group> groups, Seq<RosterItem> contacts) {
        public Group {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(groups, "groups");
            Objects.requireNonNull(contacts, "contacts");
        }

        /** The nested group with this name, if any. */
        public Option<Group> group(String child) {
            return groups.find(g -> g.name().equals(child));
        }
    }

    /** The element that stores {@code delimiter} in private storage (§3.1). */
    public static Element stored(String delimiter) {
        return Element.builder(NAMESPACE, "roster").text(delimiter).build();
    }

    /** The delimiter to use from what private storage returned: none when nothing, nothing usable, or a single alphanumeric character (§2). */
    public static Option<String> delimiter(Seq<Element> stored) {
        return stored.find(e -> e.is(NAMESPACE, "roster")).map(Element::text)
                .filter(text -> !text.isEmpty() && !(text.length() == 1 && Character.isLetterOrDigit(text.charAt(0))
                        && text.charAt(0) < 128));
    }

    /** A group name as a path: split at the delimiter, empty segments dropped; the whole name when nesting is off. */
    public static Seq<String> path(String group, Option<String> delimiter) {
        if (delimiter.isEmpty()) {
            return Array.of(group);
        }
        Seq<String> segments = Array.empty();
        String rest = group;
        for (int at = rest.indexOf(delimiter.get()); at >= 0; at = rest.indexOf(delimiter.get())) {
            segments = segments.append(rest.substring(0, at));
            rest = rest.substring(at + delimiter.get().length());
        }
        Seq<String> path = segments.append(rest).filter(segment -> !segment.isEmpty());
        return path.isEmpty() ? Array.of(group) : path;
    }

    /** The roster's groups as a tree under an unnamed root; contacts without a group sit in the root itself. */
    public static Group tree(Seq<RosterItem> items, Option<String> delimiter) {
        Node root = new Node();
        for (RosterItem item : items) {
            if (item.groups().isEmpty()) {
                root.contacts = root.contacts.append(item);
            }
            for (String group : item.groups().distinct()) {
                Node node = root;
                for (String segment : path(group, delimiter)) {
                    node = node.child(segment);
                }
                node.contacts = node.contacts.append(item);
            }
        }
        return root.toGroup("");
    }

    /** A tree under construction, confined to {@link #tree}. */
    private static final class Node {
        private Map<String, Node> children = LinkedHashMap.empty();
        private Seq<RosterItem> contacts = Array.empty();

        Node child(String name) {
            Node existing = children.get(name).getOrNull();
            if (existing != null) {
                return existing;
            }
            Node created = new Node();
            children = children.put(name, created);
            return created;
        }

        Group toGroup(String name) {
            return new Group(name, children.map(entry -> entry._2.toGroup(entry._1)).toArray(), contacts);
        }
    }
}
