/**
 * The immutable XMPP model: values only, no XML processing, no I/O (ARCHITECTURE.md). Shared values such as {@link dev.starling.model.Bytes} and {@link dev.starling.model.LocalizedText} live here.
 */
package dev.starling.model;
