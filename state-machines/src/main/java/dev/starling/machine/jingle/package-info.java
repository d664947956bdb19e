/** Jingle file-transfer sessions (XEP-0166, XEP-0234 over XEP-0261) as pure machines. */
package dev.starling.machine.jingle;
