/** Codecs for the everyday instant-messaging extensions (XEP-0115, XEP-0202, XEP-0090, XEP-0012, XEP-0085, XEP-0184, XEP-0224). */
package dev.starling.codec.im;
