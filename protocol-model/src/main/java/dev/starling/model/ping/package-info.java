/** XMPP Ping, XEP-0199. */
package dev.starling.model.ping;
