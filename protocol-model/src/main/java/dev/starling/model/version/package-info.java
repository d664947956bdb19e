/** Software Version, XEP-0092. */
package dev.starling.model.version;
