/** Privacy lists, XEP-0016 (RFC 3921 §10): named lists of ordered allow/deny rules, active and default lists. */
package dev.starling.model.privacy;
