/**
 * The everyday instant-messaging extensions: entity capabilities (XEP-0115), entity time
 * (XEP-0202, legacy XEP-0090), last activity (XEP-0012), chat states (XEP-0085), delivery
 * receipts (XEP-0184) and attention (XEP-0224).
 */
package dev.starling.model.im;
