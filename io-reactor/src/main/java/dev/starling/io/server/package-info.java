/** The embeddable server: listeners, the router (RFC 6120 §10) and the wiring of sessions to storage. */
package dev.starling.io.server;
