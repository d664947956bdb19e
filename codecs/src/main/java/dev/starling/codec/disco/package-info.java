/** Codecs for Service Discovery, XEP-0030. */
package dev.starling.codec.disco;
