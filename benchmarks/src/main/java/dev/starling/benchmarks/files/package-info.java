/**
 * File-transfer throughput on loopback (issue 5): a raw TCP copy as the baseline, SOCKS5
 * bytestreams through the Starling proxy and direct, in-band bytestreams through the Starling
 * server, and Smack's in-band bytestreams through the same server, all in one run.
 */
package dev.starling.benchmarks.files;
