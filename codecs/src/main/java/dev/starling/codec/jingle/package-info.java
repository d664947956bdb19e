/** Codecs of Jingle (XEP-0166), its file-transfer application (XEP-0234), transports (XEP-0260, XEP-0261) and hashes (XEP-0300). */
package dev.starling.codec.jingle;
