/** XEP-0095 stream initiation for the XEP-0096 file transfer profile: offer, answer, and reading the answer. */
package dev.starling.machine.si;
