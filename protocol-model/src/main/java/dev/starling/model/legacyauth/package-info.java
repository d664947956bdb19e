/**
 * XEP-0078 non-SASL authentication (deprecated, from the Jabber 1.4 era): the
 * {@code jabber:iq:auth} query and the {@code http://jabber.org/features/iq-auth} stream feature.
 */
package dev.starling.model.legacyauth;
