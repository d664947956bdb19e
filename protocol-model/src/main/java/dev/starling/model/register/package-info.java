/**
 * XEP-0077 in-band registration: the {@code jabber:iq:register} query (fields, instructions,
 * {@code <registered/>}, {@code <remove/>}, an optional XEP-0004 form) and the
 * {@code http://jabber.org/features/iq-register} stream feature.
 */
package dev.starling.model.register;
