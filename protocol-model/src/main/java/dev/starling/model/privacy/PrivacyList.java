package dev.starling.model.privacy;

import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * A named privacy list (XEP-0016 §2.1); in a set, a list without rules removes the list (§2.8),
 * in a get, it asks for the list.
 *
 * @param name  the list's name
 * @param rules its rules, in document order
 */
public record PrivacyList(String name, Seq<PrivacyRule> rules) {
    public PrivacyList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
    }

    /** The rules in processing order: ascending 'order' (XEP-0016 §2.2 rule 5). */
    public Seq<PrivacyRule> inOrder() {
        return rules.sortBy(PrivacyRule::order);
    }
}
