/** XEP-0095 stream initiation with XEP-0020 feature negotiation, and the XEP-0096 file transfer profile. */
package dev.starling.model.si;
