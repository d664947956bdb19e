/** vCard-based avatars, XEP-0153: the hash a client advertises in presence. */
package dev.starling.machine.avatar;
