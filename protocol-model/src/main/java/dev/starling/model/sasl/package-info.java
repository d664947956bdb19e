/**
 * SASL negotiation elements, RFC 6120 §6.
 */
package dev.starling.model.sasl;
