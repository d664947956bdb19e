package dev.starling.model.form;

import dev.starling.model.jid.Jid;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Checks a submission against the form that was sent, as the form-processing entity must (data
 * validation is its job, XEP-0004 §4; a failed check is answered with {@code not-acceptable}).
 * The rules, each reported as one human-readable problem naming the field and the rule:
 * <ul>
 *   <li>the submission is of type {@code submit} (§3.1); a {@code cancel} has no problems;</li>
 *   <li>every required field of the form has at least one non-empty value (§3.2);</li>
 *   <li>a single-valued field has at most one value (§3.2);</li>
 *   <li>a boolean is {@code 0}, {@code 1}, {@code false} or {@code true} (§3.3);</li>
 *   <li>a jid-single or jid-multi value is a valid JID (§3.3, RFC 7622);</li>
 *   <li>a list-single or list-multi value is one of the form's options (§3.3);</li>
 *   <li>the {@code FORM_TYPE} is the form's, when the form has one (XEP-0068).</li>
 * </ul>
 * A field's type is the form's (text-single when the form gives none, §3.2); submitted fields the
 * form does not have are ignored (§3.1), and empty values count as absent (§3.6).
 */
public final class FormValidation {

    private FormValidation() {
    }

    /** The problems of the submission, empty when it is acceptable. */
    public static Seq<String> problems(DataForm form, DataForm submission) {
        if (submission.type() == FormType.CANCEL) {
            return List.empty();
        }
        if (submission.type() != FormType.SUBMIT) {
            return List.of("a submission must have type 'submit', not '" + submission.type().wireName() + "' (XEP-0004 §3.1)");
        }
        Seq<String> problems = formTypeProblems(form, submission);
        for (FormField field : form.fields()) {
            if (field.var().isDefined()) {
                problems = problems.appendAll(fieldProblems(field, submission.field(field.var().get())));
            }
        }
        return problems;
    }

    /**
     * The truth value of a boolean field value: {@code 1} or {@code true}, {@code 0} or
     * {@code false} (XEP-0004 §3.3, after XML Schema Part 2 §3.2.2.1; surrounding whitespace is
     * collapsed), none for anything else.
     */
    public static Option<Boolean> booleanValue(String value) {
        return switch (value.strip()) {
            case "1", "true" -> Option.some(true);
            case "0", "false" -> Option.some(false);
            default -> Option.none();
        };
    }

    private static Seq<String> formTypeProblems(DataForm form, DataForm submission) {
        Option<String> expected = form.formType();
        if (expected.isEmpty() || submission.formType().equals(expected)) {
            return List.empty();
        }
        return List.of("field '" + DataForm.FORM_TYPE + "' must be '" + expected.get() + "' as in the form, not "
                + submission.formType().map(v -> "'" + v + "'").getOrElse("absent") + " (XEP-0068 §5)");
    }

    private static Seq<String> fieldProblems(FormField field, Option<FormField> submitted) {
        String var = field.var().get();
        Seq<String> all = submitted.map(FormField::values).getOrElse(List.empty());
        Seq<String> values = all.filter(v -> !v.isEmpty());
        if (values.isEmpty()) {
            return field.required() ? List.of("field '" + var + "' is required but has no value (XEP-0004 §3.2)") : List.empty();
        }
        FieldType type = field.type().getOrElse(FieldType.TEXT_SINGLE);
        Seq<String> problems = List.empty();
        if (!type.isMultiValued() && all.size() > 1) {
            problems = problems.append("field '" + var + "' is " + type.wireName() + " but has " + all.size()
                    + " values (XEP-0004 §3.2)");
        }
        for (String value : values) {
            problems = problems.appendAll(valueProblem(field, type, value));
        }
        return problems;
    }

    private static Option<String> valueProblem(FormField field, FieldType type, String value) {
        String var = field.var().get();
        return switch (type) {
            case BOOLEAN -> booleanValue(value).isDefined() ? Option.none()
                    : Option.some("field '" + var + "' is boolean but '" + value + "' is not 0, 1, false or true (XEP-0004 §3.3)");
            case JID_SINGLE, JID_MULTI -> Jid.parse(value).swap().toOption()
                    .map(error -> "field '" + var + "' needs JIDs but has " + error.message() + " (XEP-0004 §3.3)");
            case LIST_SINGLE, LIST_MULTI -> field.options().exists(o -> o.value().equals(value)) ? Option.none()
                    : Option.some("field '" + var + "' value '" + value + "' is not one of the form's options (XEP-0004 §3.3)");
            default -> Option.none();
        };
    }
}
