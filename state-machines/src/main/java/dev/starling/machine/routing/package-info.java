/** Routing decisions of the server: resource binding and conflicts (RFC 6120 §7.7.2.2). */
package dev.starling.machine.routing;
