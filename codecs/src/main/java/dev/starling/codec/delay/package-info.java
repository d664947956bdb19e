/** Codecs for delayed delivery, XEP-0203 and legacy XEP-0091. */
package dev.starling.codec.delay;
