/**
 * Login load runs: the Starling server's logins per second and CPU per login (STARTTLS and
 * SCRAM-SHA-1 at 4096 iterations) against PBKDF2 alone and a TLS handshake alone, and the
 * Starling client against Smack 4.4.8 (connect-and-login latency, retained heap per client), all
 * measured in one run against one server in a child JVM.
 */
package dev.starling.benchmarks.login;
