/** The blocklist of XEP-0191: which JIDs an account blocks, and whether a JID is blocked (XEP-0191 §5). */
package dev.starling.machine.blocking;
