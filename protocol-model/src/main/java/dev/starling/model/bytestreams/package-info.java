/** XEP-0065 SOCKS5 bytestreams: the query, its streamhosts and the DST.ADDR hash. */
package dev.starling.model.bytestreams;
