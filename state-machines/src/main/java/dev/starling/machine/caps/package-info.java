/** Entity capabilities, XEP-0115: the verification string (§5) and a cache that trusts only what it verified (§5.4). */
package dev.starling.machine.caps;
