/**
 * The generic session runner: it turns socket input, timers, TLS events and commands into one
 * ordered sequence of machine inputs per session and performs the machine's outputs
 * (ARCHITECTURE.md, "The machine contract"). No protocol decision is made here.
 */
package dev.starling.io.session;
