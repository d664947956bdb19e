/** Flexible offline message retrieval, XEP-0013: view, remove, fetch and purge stored messages. */
package dev.starling.model.offline;
