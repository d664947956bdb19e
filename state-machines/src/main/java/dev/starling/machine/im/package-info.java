/**
 * The server's per-account entity for instant messaging and presence, RFC 6121: one pure machine
 * per account holds its roster and its resources, takes the roster requests and subscription
 * stanzas that concern the account, and says what to deliver to which resource, what to send to
 * contacts, and what to store.
 */
package dev.starling.machine.im;
