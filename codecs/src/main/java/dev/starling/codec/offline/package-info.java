/** Codecs for flexible offline message retrieval, XEP-0013. */
package dev.starling.codec.offline;
