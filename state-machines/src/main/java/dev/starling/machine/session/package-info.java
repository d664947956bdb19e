/**
 * The vocabulary between session machines and the I/O shell: inputs (bytes decoded, TLS
 * finished, timers, commands), outputs (send, start TLS, restart, close, timers) and the events
 * an application sees (RFC 6120 §4 to §9).
 */
package dev.starling.machine.session;
