/** Blocking command, XEP-0191: the blocklist, block and unblock. */
package dev.starling.model.blocking;
