package dev.starling.model.register;

import dev.starling.model.Extension;
import dev.starling.model.element.Element;
import dev.starling.model.form.DataForm;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code jabber:iq:register} query of XEP-0077: empty in the {@code get} that asks for the
 * fields (§3.1), the fields (and maybe {@code <instructions/>}, {@code <registered/>} or a
 * XEP-0004 form, §4) in the result, filled fields or a submitted form in the {@code set} that
 * registers or changes a password (§3.3), {@code <remove/>} to cancel (§3.2).
 *
 * @param instructions the host's instructions
 * @param registered   whether the host says the entity is already registered (§3.1)
 * @param remove       whether this is a cancellation (§3.2)
 * @param fields       the fixed fields, in document order
 * @param form         a XEP-0004 form, which takes precedence over the fields (§5)
 * @param extensions   anything else, e.g. a XEP-0066 {@code jabber:x:oob} redirection (§4), kept as is
 */
public record Register(Option<String> instructions, boolean registered, boolean remove, Seq<RegisterField> fields,
                       Option<DataForm> form, Seq<Element> extensions) implements Extension {

    /** The query's namespace. */
    public static final String NAMESPACE = "jabber:iq:register";
    /** The FORM_TYPE of a registration form (XEP-0077 §12.3.1). */
    public static final String FORM_TYPE = "jabber:iq:register";
    /** The FORM_TYPE of a password-change form (XEP-0077 §12.3.3). */
    public static final String CHANGE_PASSWORD_FORM_TYPE = "jabber:iq:register:changepassword";

    public Register {
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** The empty query of a {@code get} (§3.1 Example 1). */
    public static Register query() {
        return new Register(Option.none(), false, false, Array.empty(), Option.none(), Array.empty());
    }

    /** A query with these fields: asked for in a result, provided in a {@code set}. */
    public static Register of(Seq<RegisterField> fields) {
        return new Register(Option.none(), false, false, fields, Option.none(), Array.empty());
    }

    /** A {@code set} carrying a submitted form (§4). */
    public static Register submit(DataForm form) {
        return new Register(Option.none(), false, false, Array.empty(), Option.some(form), Array.empty());
    }

    /** The cancellation request (§3.2 Example 8). */
    public static Register cancellation() {
        return new Register(Option.none(), false, true, Array.empty(), Option.none(), Array.empty());
    }

    /** The password change request (§3.3 Example 15). */
    public static Register passwordChange(String username, String password) {
        return of(Array.of(new RegisterField(RegisterField.USERNAME, username), new RegisterField(RegisterField.PASSWORD, password)));
    }

    /** The same query with instructions. */
    public Register withInstructions(String text) {
        return new Register(Option.some(text), registered, remove, fields, form, extensions);
    }

    /** The same query marked {@code <registered/>}. */
    public Register asRegistered() {
        return new Register(instructions, true, remove, fields, form, extensions);
    }

    /** The same query with a form. */
    public Register withForm(DataForm dataForm) {
        return new Register(instructions, registered, remove, fields, Option.some(dataForm), extensions);
    }

    /** The value of a fixed field, if present. */
    public Option<String> field(String name) {
        return fields.find(f -> f.name().equals(name)).map(RegisterField::value);
    }
}
