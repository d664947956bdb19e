/** The embeddable client: a Reactor API over the pure client session machine (RFC 6120, XEP-0199, XEP-0030, XEP-0092). */
package dev.starling.io.client;
