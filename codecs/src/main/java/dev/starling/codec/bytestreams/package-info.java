/** The codec of XEP-0065 SOCKS5 bytestreams. */
package dev.starling.codec.bytestreams;
