package dev.starling.codec.form;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Extension;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.form.DataForm;
import dev.starling.model.form.FieldOption;
import dev.starling.model.form.FieldType;
import dev.starling.model.form.FormField;
import dev.starling.model.form.FormType;
import dev.starling.model.form.FormValidation;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DataFormCodecsTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final Element VALIDATE = Element.builder("http://jabber.org/protocol/xdata-validate", "validate")
            .attribute("datatype", "xs:integer").build();

    static Element element(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        return ((StreamEvent.TopLevelElement) decoder.next().get()).element();
    }

    static Either<CodecError, Extension> decode(String xml) {
        return REGISTRY.decodePayload(element(xml), Namespaces.CLIENT);
    }

    static DataForm form(String xml) {
        return (DataForm) decode(xml).get();
    }

    static DataForm throughXml(DataForm form) {
        return form(ENCODER.toXml(REGISTRY.encode(form, Namespaces.CLIENT)));
    }

    @ParameterizedTest
    @EnumSource(FieldType.class)
    void everyFieldTypeRoundTrips(FieldType type) {
        Seq<String> values = type.isMultiValued() ? Array.of("a@example.com", "", "b@example.com") : Array.of("1");
        FormField field = new FormField(Option.some("f"), Option.some(type), Option.some("Label"), Option.some("Help"), true,
                values, type == FieldType.LIST_SINGLE || type == FieldType.LIST_MULTI
                ? Array.of(new FieldOption(Option.some("One"), "1"), new FieldOption(Option.none(), "2")) : Array.empty(),
                Array.of(VALIDATE));
        DataForm form = DataForm.form(Array.of(field)).withTitle("T").withInstructions(Array.of("first", "second"));
        assertThat(throughXml(form)).isEqualTo(form);
        assertThat(FieldType.fromWire(type.wireName())).contains(type);
    }

    @Test
    void decodesAndReEncodesTheSearchResultOfSection5_2() {
        String xml = "<x xmlns='jabber:x:data' type='result'><title>Available Bots</title>"
                + "<reported><field var='botname' label='The name of the bot' type='text-single'/>"
                + "<field var='public' label='Public bot?' type='boolean'/></reported>"
                + "<item><field var='botname'><value>Comment Bot</value></field><field var='public'><value>0</value></field></item>"
                + "<item><field var='botname'><value>Reminder Bot</value></field><field var='public'><value>1</value></field></item></x>";
        DataForm form = form(xml);
        assertThat(form.type()).isEqualTo(FormType.RESULT);
        assertThat(form.reported().get().map(f -> f.var().get())).containsExactly("botname", "public");
        assertThat(form.items()).hasSize(2);
        assertThat(form.items().get(1).get(0).firstValue()).contains("Reminder Bot");
        assertThat(XmlEquivalence.equivalent(REGISTRY.encode(form, Namespaces.CLIENT), element(xml))).isTrue();
    }

    @Test
    void encodesInSchemaOrderWithAnEmptyRequiredElement() {
        DataForm form = new DataForm(FormType.RESULT, Option.some("T"), Array.of("I"),
                Array.of(FormField.of("f", FieldType.LIST_SINGLE).withOptions(Array.of(new FieldOption(Option.none(), "o")))
                        .withValue("o").asRequired()),
                Option.some(Array.of(FormField.of("r", FieldType.TEXT_SINGLE))), Array.of(Array.of(FormField.hidden("r", "v"))));
        Element x = REGISTRY.encode(form, Namespaces.CLIENT);
        assertThat(x.elements().map(Element::localName)).containsExactly("title", "instructions", "field", "reported", "item");
        Element field = x.elements().get(2);
        assertThat(field.elements().map(Element::localName)).containsExactly("required", "value", "option");
        assertThat(field.elements().get(0).isEmpty()).isTrue();
        assertThat(form("<x xmlns='jabber:x:data' type='form'><field var='f'><required/></field></x>").fields().head().required()).isTrue();
        assertThat(form("<x xmlns='jabber:x:data' type='form'><field var='f'/></x>").fields().head().required()).isFalse();
    }

    @Test
    void keepsElementsDataFormsDoNotDefine() {
        String xml = "<x xmlns='jabber:x:data' type='form'><field var='ocr' type='text-single'>"
                + "<media xmlns='urn:xmpp:media-element' height='80' width='290'><uri type='image/jpeg'>cid:sha1+f24@bob.xmpp.org</uri></media>"
                + "<validate xmlns='http://jabber.org/protocol/xdata-validate' datatype='xs:string'/></field>"
                + "<page xmlns='http://jabber.org/protocol/xdata-layout' label='P1'><fieldref var='ocr'/></page></x>";
        DataForm form = form(xml);
        assertThat(form.fields().head().extensions().map(Element::localName)).containsExactly("media", "validate");
        assertThat(form.extensions().map(Element::localName)).containsExactly("page");
        assertThat(throughXml(form)).isEqualTo(form);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "form without type           | <x xmlns='jabber:x:data'><field var='a'/></x>",
            "unknown form type           | <x xmlns='jabber:x:data' type='error'/>",
            "unknown field type          | <x xmlns='jabber:x:data' type='form'><field var='a' type='text'/></x>",
            "unknown field type in item  | <x xmlns='jabber:x:data' type='result'><item><field var='a' type='select-single'/></item></x>",
            "form field without var      | <x xmlns='jabber:x:data' type='form'><field type='text-single'/></x>",
            "untyped field without var   | <x xmlns='jabber:x:data' type='form'><field label='a'/></x>",
            "submitted field without var | <x xmlns='jabber:x:data' type='submit'><field><value>1</value></field></x>",
            "two values in text-single   | <x xmlns='jabber:x:data' type='submit'><field var='a' type='text-single'><value>1</value><value>2</value></field></x>",
            "two values in boolean       | <x xmlns='jabber:x:data' type='result'><field var='a' type='boolean'><value>1</value><value>0</value></field></x>",
            "option without value        | <x xmlns='jabber:x:data' type='form'><field var='a' type='list-single'><option label='x'>x</option></field></x>",
            "option with two values      | <x xmlns='jabber:x:data' type='form'><field var='a' type='list-multi'><option><value>x</value><value>y</value></option></field></x>",
    })
    void rejectsMalformedFormsAsBadRequest(String name, String xml) {
        Either<CodecError, Extension> decoded = decode(xml);
        assertThat(decoded.isLeft()).as(name).isTrue();
        assertThat(decoded.getLeft().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(decoded.getLeft().reason()).contains("XEP-0004 §3.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fixed field without var     | <x xmlns='jabber:x:data' type='form'><field type='fixed'><value>Section 1</value></field></x>",
            "result field without var    | <x xmlns='jabber:x:data' type='result'><field><value>1</value></field></x>",
            "untyped field, two values   | <x xmlns='jabber:x:data' type='submit'><field var='a'><value>1</value><value>2</value></field></x>",
            "hidden field, two values    | <x xmlns='jabber:x:data' type='form'><field var='a' type='hidden'><value>1</value><value>2</value></field></x>",
            "cancel                      | <x xmlns='jabber:x:data' type='cancel'/>",
    })
    void acceptsWhatTheRulesAllow(String name, String xml) {
        assertThat(decode(xml).isRight()).as(name).isTrue();
    }

    @Test
    void findsFieldsAndTheFormTypeOfXep0068() {
        DataForm form = DataForm.form(Array.of(FormField.hidden(DataForm.FORM_TYPE, "urn:example:f"),
                FormField.of("colors", FieldType.LIST_MULTI).withValues(Array.of("red", "blue"))));
        assertThat(form.formType()).contains("urn:example:f");
        assertThat(form.values("colors")).containsExactly("red", "blue");
        assertThat(form.value("colors")).contains("red");
        assertThat(form.field("none")).isEmpty();
        assertThat(form.values("none")).isEmpty();
        DataForm notHidden = DataForm.form(Array.of(FormField.of(DataForm.FORM_TYPE, FieldType.TEXT_SINGLE).withValue("urn:example:f")));
        assertThat(notHidden.formType()).isEmpty();
        FormField untyped = new FormField(Option.some(DataForm.FORM_TYPE), Option.none(), Option.none(), Option.none(), false,
                Array.of("urn:example:f"), Array.empty(), Array.empty());
        assertThat(DataForm.submit(Array.of(untyped)).formType()).contains("urn:example:f");
        assertThat(DataForm.form(Array.of(untyped)).formType()).isEmpty();
    }

    // FormValidation: one rule per test, each failing if its rule is removed.

    private static final DataForm CONFIG = DataForm.form(Array.of(
            FormField.hidden(DataForm.FORM_TYPE, "urn:example:config"),
            FormField.of("name", FieldType.TEXT_SINGLE).asRequired(),
            FormField.of("public", FieldType.BOOLEAN),
            FormField.of("admins", FieldType.JID_MULTI),
            FormField.of("mode", FieldType.LIST_SINGLE).withOptions(Array.of(new FieldOption(Option.some("Open"), "open"),
                    new FieldOption(Option.none(), "closed"))),
            FormField.of("notes", FieldType.TEXT_MULTI)));

    private static DataForm submission(FormField... fields) {
        return DataForm.submit(Array.of(FormField.hidden(DataForm.FORM_TYPE, "urn:example:config"),
                FormField.of("name", FieldType.TEXT_SINGLE).withValue("Room")).appendAll(Array.of(fields)));
    }

    private static FormField untyped(String var, String... values) {
        return new FormField(Option.some(var), Option.none(), Option.none(), Option.none(), false, Array.of(values),
                Array.empty(), Array.empty());
    }

    @Test
    void aCompleteSubmissionHasNoProblems() {
        assertThat(FormValidation.problems(CONFIG, submission(untyped("public", "true"),
                untyped("admins", "romeo@example.net", "juliet@example.com/balcony"), untyped("mode", "closed"),
                untyped("notes", "line 1", "line 2"), untyped("unknown", "ignored", "twice")))).isEmpty();
    }

    @Test
    void aSubmissionMustBeOfTypeSubmitButACancelIsAlwaysFine() {
        DataForm result = new DataForm(FormType.RESULT, Option.none(), Array.empty(), Array.empty(), Option.none(), Array.empty());
        assertThat(FormValidation.problems(CONFIG, result)).singleElement().asString().contains("'submit'", "§3.1");
        DataForm cancel = new DataForm(FormType.CANCEL, Option.none(), Array.empty(), Array.empty(), Option.none(), Array.empty());
        assertThat(FormValidation.problems(CONFIG, cancel)).isEmpty();
    }

    @Test
    void requiredFieldsNeedANonEmptyValue() {
        DataForm missing = DataForm.submit(Array.of(FormField.hidden(DataForm.FORM_TYPE, "urn:example:config")));
        assertThat(FormValidation.problems(CONFIG, missing)).singleElement().asString().contains("'name'", "required", "§3.2");
        DataForm empty = DataForm.submit(Array.of(FormField.hidden(DataForm.FORM_TYPE, "urn:example:config"), untyped("name", "")));
        assertThat(FormValidation.problems(CONFIG, empty)).singleElement().asString().contains("'name'", "required");
    }

    @Test
    void singleValuedFieldsHaveAtMostOneValue() {
        assertThat(FormValidation.problems(CONFIG, submission(untyped("mode", "open", "closed"))))
                .singleElement().asString().contains("'mode'", "list-single", "§3.2");
    }

    @Test
    void booleansAreZeroOneFalseOrTrue() {
        assertThat(FormValidation.problems(CONFIG, submission(untyped("public", "yes"))))
                .singleElement().asString().contains("'public'", "boolean", "§3.3");
        assertThat(FormValidation.booleanValue("1")).contains(true);
        assertThat(FormValidation.booleanValue(" true ")).contains(true);
        assertThat(FormValidation.booleanValue("0")).contains(false);
        assertThat(FormValidation.booleanValue("false")).contains(false);
        assertThat(FormValidation.booleanValue("TRUE")).isEmpty();
    }

    @Test
    void jidFieldsNeedValidJids() {
        assertThat(FormValidation.problems(CONFIG, submission(untyped("admins", "romeo@example.net", "a@b@c"))))
                .singleElement().asString().contains("'admins'", "a@b@c", "§3.3");
    }

    @Test
    void listValuesMustBeAmongTheOptions() {
        assertThat(FormValidation.problems(CONFIG, submission(untyped("mode", "secret"))))
                .singleElement().asString().contains("'mode'", "'secret'", "options", "§3.3");
    }

    @Test
    void theFormTypeMustMatchTheForms() {
        DataForm other = DataForm.submit(Array.of(FormField.hidden(DataForm.FORM_TYPE, "urn:example:other"), untyped("name", "Room")));
        assertThat(FormValidation.problems(CONFIG, other)).singleElement().asString().contains("FORM_TYPE", "urn:example:other");
        DataForm none = DataForm.submit(Array.of(untyped("name", "Room")));
        assertThat(FormValidation.problems(CONFIG, none)).singleElement().asString().contains("FORM_TYPE", "absent");
    }
}
