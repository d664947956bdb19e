package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Test certificates: a CA, and client certificates carrying an XmppAddr for SASL EXTERNAL (XEP-0178 §3). */
class CertificateAuthorityTest {

    @Test
    void issuesClientCertificatesForAJid() throws Exception {
        CertificateAuthority authority = CertificateAuthority.create("Starling Test CA");

        TlsCredentials client = authority.issueClient("juliet@example.com");

        assertThat(client.chain()).hasSize(2);
        assertThat(client.chain().get(1)).isEqualTo(authority.certificate());
        client.certificate().verify(authority.certificate().getPublicKey());
        assertThat(client.certificate().getIssuerX500Principal())
                .isEqualTo(authority.certificate().getSubjectX500Principal());
        assertThat(PresentedIdentifiers.of(client.certificate()).xmppAddrs()).containsExactly("juliet@example.com");
        assertThat(client.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(client.toString()).doesNotContain("private").contains("juliet@example.com");
    }

    @Test
    void itsOwnCertificateIsACa() throws Exception {
        CertificateAuthority authority = CertificateAuthority.create("Starling Test CA");

        assertThat(authority.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(authority.certificate().getKeyUsage()[5]).isTrue();
        authority.certificate().verify(authority.certificate().getPublicKey());
    }
}
