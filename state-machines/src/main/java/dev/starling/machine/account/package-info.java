/**
 * Accounts on the wire: XEP-0077 in-band registration (the server's policy and form, reading a
 * submission, the client filling the form) and XEP-0078 non-SASL authentication (the digest).
 * Pure functions and values; the session machines use them.
 */
package dev.starling.machine.account;
