package dev.starling.model.tls;

import dev.starling.model.Extension;

/**
 * The STARTTLS stream feature, RFC 6120 §5.4.1: {@code <starttls/>} in the features, with a
 * {@code <required/>} child when TLS is mandatory-to-negotiate.
 *
 * @param required whether the receiving entity requires TLS
 */
public record StartTlsFeature(boolean required) implements Extension {
}
