/** The XEP-0066 out-of-band exchange as pure functions. */
package dev.starling.machine.oob;
