/** Codecs for bookmarks (XEP-0048) and roster annotations (XEP-0145). */
package dev.starling.codec.bookmarks;
