/** The codec of XEP-0095 stream initiation with the XEP-0096 file transfer profile. */
package dev.starling.codec.si;
