/** Durable storage behind interfaces: accounts with salted SCRAM keys only (RFC 5802 §3), with versioned migrations. */
package dev.starling.io.store;
