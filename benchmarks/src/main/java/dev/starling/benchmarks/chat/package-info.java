/**
 * The chat load run of issue 4: N users of the Starling client library on loopback exchange chat
 * messages at a fixed offered rate against the Starling server and, in the same run, Prosody and
 * ejabberd; server CPU per message, delivery latency (HdrHistogram) and memory per connected user.
 */
package dev.starling.benchmarks.chat;
