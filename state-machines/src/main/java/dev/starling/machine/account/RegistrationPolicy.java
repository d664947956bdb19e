package dev.starling.machine.account;

import dev.starling.model.register.RegisterField;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * What a server allows through XEP-0077. In-band registration is off unless the operator turns it
 * on (XEP-0077 §13: a policy matter, and open registration invites abuse); password changes and
 * cancellation by an authenticated user are on. Passwords travel in the clear inside the stream,
 * so the server accepts all three only on an encrypted stream (§13), unless PLAIN without TLS is
 * allowed too.
 *
 * @param registration   whether unauthenticated clients may register accounts (§3.1)
 * @param passwordChange whether authenticated users may change their password (§3.3)
 * @param cancellation   whether authenticated users may remove their account (§3.2)
 * @param extraFields    fields asked for besides username and password, among the standard
 *                       {@link RegisterField#NAMES}; when any is asked, a XEP-0004 form is sent too (§4)
 * @param instructions   the {@code <instructions/>} text of the registration form
 */
public record RegistrationPolicy(boolean registration, boolean passwordChange, boolean cancellation, Seq<String> extraFields,
                                 String instructions) {

    public RegistrationPolicy {
        Objects.requireNonNull(extraFields, "extraFields");
        Objects.requireNonNull(instructions, "instructions");
        for (String field : extraFields) {
            if (!RegisterField.NAMES.contains(field) || field.equals(RegisterField.USERNAME) || field.equals(RegisterField.PASSWORD)) {
                throw new IllegalArgumentException("not an extra XEP-0077 field: " + field);
            }
        }
    }

    /** Registration off, password change and cancellation on, no extra fields. */
    public static RegistrationPolicy defaults() {
        return new RegistrationPolicy(false, true, true, Array.empty(), "Choose a username and password for use with this service.");
    }

    /** The same policy with registration turned on or off. */
    public RegistrationPolicy withRegistration(boolean allowed) {
        return new RegistrationPolicy(allowed, passwordChange, cancellation, extraFields, instructions);
    }

    /** The same policy asking for these extra fields. */
    public RegistrationPolicy withExtraFields(Seq<String> fields) {
        return new RegistrationPolicy(registration, passwordChange, cancellation, fields, instructions);
    }
}
