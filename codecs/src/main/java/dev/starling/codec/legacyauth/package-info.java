/** XEP-0078 non-SASL authentication: the {@code jabber:iq:auth} query and its stream feature. */
package dev.starling.codec.legacyauth;
