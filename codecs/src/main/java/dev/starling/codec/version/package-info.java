/** Codec for Software Version, XEP-0092. */
package dev.starling.codec.version;
