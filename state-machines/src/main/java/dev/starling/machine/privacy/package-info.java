/** Privacy lists, XEP-0016: the account's lists, which list applies to which session, rule matching, and the list requests. */
package dev.starling.machine.privacy;
