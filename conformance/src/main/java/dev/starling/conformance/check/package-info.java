/** The live conformance check behind {@code starling check}: client flows against a server, per spec section. */
package dev.starling.conformance.check;
