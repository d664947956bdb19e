/**
 * The spec-example corpus: extraction of every XEP example and every RFC 6120/6121/7622 artwork into committed JSON fixtures.
 */
package dev.starling.conformance.corpus;
