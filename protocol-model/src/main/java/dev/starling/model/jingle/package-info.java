/**
 * Jingle (XEP-0166) with the file-transfer application (XEP-0234), its SOCKS5 (XEP-0260) and
 * in-band (XEP-0261) transports and XEP-0300 hashes, as immutable values.
 */
package dev.starling.model.jingle;
