/** XEP-0047 in-band bytestreams: the open, data and close elements. */
package dev.starling.model.ibb;
