package dev.starling.machine.account;

import dev.starling.model.form.DataForm;
import dev.starling.model.form.FieldType;
import dev.starling.model.form.FormField;
import dev.starling.model.form.FormType;
import dev.starling.model.form.FormValidation;
import dev.starling.model.jid.Jid;
import dev.starling.model.register.Register;
import dev.starling.model.register.RegisterField;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The server's side of XEP-0077 §3.1: the registration fields it asks for (Example 2; with extra
 * fields also a XEP-0004 form, §4, whose fields mirror the fixed ones so legacy clients can still
 * register, §5 "x:data form + iq:register fields"), and the reading of a submission: every field
 * asked must be filled (§3.1, not-acceptable), a form and fields together are bad-request (§5),
 * and the username must be a valid localpart (RFC 7622 §3.3).
 */
public final class RegistrationForm {

    private RegistrationForm() {
    }

    /** The answer to an unregistered entity's {@code get}. */
    public static Register offer(RegistrationPolicy policy) {
        Seq<String> names = asked(policy);
        Register fields = Register.of(names.map(RegisterField::asked)).withInstructions(policy.instructions());
        return policy.extraFields().isEmpty() ? fields : fields.withForm(form(policy));
    }

    /** The XEP-0004 form for these fields, with the registration FORM_TYPE (XEP-0077 §12.3.1). */
    static DataForm form(RegistrationPolicy policy) {
        Seq<FormField> fields = asked(policy).map(name -> FormField.of(name,
                name.equals(RegisterField.PASSWORD) ? FieldType.TEXT_PRIVATE : FieldType.TEXT_SINGLE).asRequired());
        return DataForm.form(fields.prepend(FormField.hidden(DataForm.FORM_TYPE, Register.FORM_TYPE)))
                .withInstructions(io.vavr.collection.Array.of(policy.instructions()));
    }

    private static Seq<String> asked(RegistrationPolicy policy) {
        return policy.extraFields().prependAll(io.vavr.collection.Array.of(RegisterField.USERNAME, RegisterField.PASSWORD));
    }

    /** Reads a registration {@code set} into the account to create, or the error to answer with. */
    public static Either<StanzaError, AccountOperation.Create> read(RegistrationPolicy policy, Register submitted, Jid domain) {
        if (submitted.form().isDefined() && !submitted.fields().isEmpty()) {
            return refuse(StanzaErrorCondition.BAD_REQUEST, "submit the form or the fields, not both (XEP-0077 §5)");
        }
        Either<StanzaError, Map<String, String>> values = submitted.form().isDefined()
                ? fromForm(policy, submitted.form().get())
                : fromFields(policy, submitted);
        return values.flatMap(v -> create(v, domain));
    }

    private static Either<StanzaError, Map<String, String>> fromForm(RegistrationPolicy policy, DataForm submission) {
        if (submission.type() != FormType.SUBMIT) {
            return refuse(StanzaErrorCondition.BAD_REQUEST, "a registration form is submitted with type 'submit' (XEP-0004 §3.1)");
        }
        Seq<String> problems = FormValidation.problems(form(policy), submission);
        if (!problems.isEmpty()) {
            return refuse(StanzaErrorCondition.NOT_ACCEPTABLE, problems.mkString("; "));
        }
        return Either.right(LinkedHashMap.ofEntries(asked(policy).map(name -> io.vavr.Tuple.of(name, submission.value(name).getOrElse("")))));
    }

    private static Either<StanzaError, Map<String, String>> fromFields(RegistrationPolicy policy, Register submitted) {
        Seq<String> missing = asked(policy).filter(name -> submitted.field(name).forAll(String::isBlank));
        if (!missing.isEmpty()) {
            return refuse(StanzaErrorCondition.NOT_ACCEPTABLE, "required: " + missing.mkString(", ") + " (XEP-0077 §3.1)");
        }
        return Either.right(LinkedHashMap.ofEntries(asked(policy).map(name -> io.vavr.Tuple.of(name, submitted.field(name).get()))));
    }

    private static Either<StanzaError, AccountOperation.Create> create(Map<String, String> values, Jid domain) {
        Either<?, Jid> account = Jid.of(Option.some(values.get(RegisterField.USERNAME).get()), domain.domain(), Option.none());
        if (account.isLeft()) {
            return refuse(StanzaErrorCondition.NOT_ACCEPTABLE, "the username is not a valid localpart: " + account.getLeft());
        }
        String password = values.get(RegisterField.PASSWORD).get();
        Map<String, String> details = values.remove(RegisterField.USERNAME).remove(RegisterField.PASSWORD);
        return Either.right(new AccountOperation.Create(account.get().local().get(), password, details));
    }

    private static <T> Either<StanzaError, T> refuse(StanzaErrorCondition condition, String text) {
        return Either.left(StanzaError.of(condition).withText(text));
    }
}
