/**
 * A user's roster on the server, RFC 6121 §2: items with their subscription states (Appendix A),
 * roster gets with versioning (§2.6), sets and deletions with their error cases (§2.3.3, §2.5.3),
 * the pushes every change causes, and the subscription stanzas that change items (§3). Pure values
 * and functions; the server's shell stores them and delivers the pushes.
 */
package dev.starling.machine.roster;
