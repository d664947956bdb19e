/**
 * Codecs between generic elements and typed records, found through a registry keyed by qualified name.
 */
package dev.starling.codec;
