/**
 * Resource binding, RFC 6120 §7, and legacy session establishment, RFC 3921 §3.
 */
package dev.starling.model.bind;
