/** Codecs for the roster, RFC 6121 §2: {@code jabber:iq:roster} and the roster stream features. */
package dev.starling.codec.roster;
