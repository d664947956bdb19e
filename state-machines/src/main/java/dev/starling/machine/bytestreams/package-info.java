/** XEP-0065 SOCKS5 bytestreams as pure machines: the target's streamhost selection and the requester's side. */
package dev.starling.machine.bytestreams;
