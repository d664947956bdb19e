/**
 * Data Forms, XEP-0004: forms, submissions and results as immutable records, the
 * {@code FORM_TYPE} convention of XEP-0068, and a pure validator of a submission against the form
 * that was sent.
 */
package dev.starling.model.form;
