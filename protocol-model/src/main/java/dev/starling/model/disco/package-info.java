/** Service Discovery, XEP-0030 (and XEP-0128 extended information, kept as elements). */
package dev.starling.model.disco;
