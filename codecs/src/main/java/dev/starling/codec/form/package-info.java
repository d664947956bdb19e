/** Codecs for Data Forms, XEP-0004. */
package dev.starling.codec.form;
