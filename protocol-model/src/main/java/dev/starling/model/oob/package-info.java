/** XEP-0066 out-of-band data: a URL offered in an IQ ({@code jabber:iq:oob}) or attached to a message ({@code jabber:x:oob}). */
package dev.starling.model.oob;
