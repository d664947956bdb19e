/** Bookmarks (XEP-0048) and roster annotations (XEP-0145), kept in private XML storage (XEP-0049). */
package dev.starling.model.bookmarks;
