/** Delayed delivery, XEP-0203 (and the legacy XEP-0091 form, read for compatibility). */
package dev.starling.model.delay;
