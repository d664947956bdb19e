/**
 * STARTTLS, RFC 6120 §5.
 */
package dev.starling.model.tls;
