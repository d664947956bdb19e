package dev.starling.machine.account;

import dev.starling.model.form.DataForm;
import dev.starling.model.form.FieldType;
import dev.starling.model.form.FormField;
import dev.starling.model.register.Register;
import dev.starling.model.register.RegisterField;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * The client's side of XEP-0077 §3.1: fill what the host asked for, following the precedence of
 * §5 (a form first, then the fixed fields; instructions alone mean the host registers out of
 * band). The obsolete {@code <key/>} (§7) is echoed unchanged. Every field asked must be filled; a field the client has no value for is reported
 * rather than sent empty (§3.1 "MUST provide information for all of the elements").
 */
public final class RegistrationAnswer {

    private RegistrationAnswer() {
    }

    /**
     * The {@code set} that registers, or why the client cannot fill it.
     *
     * @param offered  the host's answer to the {@code get}
     * @param username the username to register
     * @param password the password
     * @param details  values for other fields, by field name or form variable (email, name, ...)
     */
    public static Either<String, Register> fill(Register offered, String username, String password, Map<String, String> details) {
        if (offered.registered()) {
            return Either.left("the host says this entity is already registered");
        }
        Map<String, String> values = details.put(RegisterField.USERNAME, username).put(RegisterField.PASSWORD, password);
        if (offered.form().isDefined()) {
            return fillForm(offered.form().get(), values).map(Register::submit);
        }
        if (!offered.fields().isEmpty()) {
            Seq<String> missing = offered.fields().map(RegisterField::name)
                    .filter(name -> !name.equals("key") && values.get(name).isEmpty());
            if (!missing.isEmpty()) {
                return Either.left("the host asks for fields without a value: " + missing.mkString(", "));
            }
            return Either.right(Register.of(offered.fields().map(field -> new RegisterField(field.name(),
                    field.name().equals("key") ? field.value() : values.get(field.name()).get()))));
        }
        return Either.left("the host registers out of band: " + offered.instructions().getOrElse("(no instructions)").trim());
    }

    private static Either<String, DataForm> fillForm(DataForm form, Map<String, String> values) {
        Seq<String> missing = form.fields().filter(field -> field.required() && field.var().isDefined()
                && !isHidden(field) && values.get(field.var().get()).isEmpty() && field.values().isEmpty())
                .map(field -> field.var().get());
        if (!missing.isEmpty()) {
            return Either.left("the host's form requires fields without a value: " + missing.mkString(", "));
        }
        Seq<FormField> answered = form.fields().filter(field -> field.var().isDefined() && !isFixed(field))
                .map(field -> isHidden(field) ? field : values.get(field.var().get()).map(field::withValue).getOrElse(field));
        return Either.right(DataForm.submit(answered));
    }

    private static boolean isHidden(FormField field) {
        return field.type().contains(FieldType.HIDDEN);
    }

    private static boolean isFixed(FormField field) {
        return field.type().contains(FieldType.FIXED);
    }
}
