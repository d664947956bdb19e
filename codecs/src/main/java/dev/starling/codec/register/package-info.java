/** XEP-0077 in-band registration: the {@code jabber:iq:register} query and its stream feature. */
package dev.starling.codec.register;
