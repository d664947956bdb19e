/**
 * The generic immutable XML element that carries every payload nobody registered a codec for, so that it is kept and re-sent unchanged.
 */
package dev.starling.model.element;
