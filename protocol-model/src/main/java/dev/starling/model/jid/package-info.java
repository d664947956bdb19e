/**
 * XMPP addresses per RFC 7622 (PRECIS, RFC 8264/8265, through rocks.xmpp:precis; IDNA2008 through ICU4J) and XEP-0106 JID escaping.
 */
package dev.starling.model.jid;
