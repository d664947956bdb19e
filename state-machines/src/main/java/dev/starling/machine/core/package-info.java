/**
 * The machine contract shared by every flow: a machine turns (state, input, {@link
 * dev.starling.machine.core.Fresh}) into a {@link dev.starling.machine.core.Step}; see
 * ARCHITECTURE.md, "The machine contract".
 */
package dev.starling.machine.core;
