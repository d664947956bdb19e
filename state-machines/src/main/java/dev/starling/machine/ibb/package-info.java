/** XEP-0047 in-band bytestreams as pure machines: the receiving side and the sending side of one session. */
package dev.starling.machine.ibb;
