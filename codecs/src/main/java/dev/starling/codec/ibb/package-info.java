/** The codec of XEP-0047 in-band bytestreams. */
package dev.starling.codec.ibb;
