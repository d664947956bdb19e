/** Codec for XMPP Ping, XEP-0199. */
package dev.starling.codec.ping;
