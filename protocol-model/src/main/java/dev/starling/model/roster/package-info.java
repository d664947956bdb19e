/** The roster, RFC 6121 §2: {@code jabber:iq:roster} queries and items, and the roster stream features. */
package dev.starling.model.roster;
