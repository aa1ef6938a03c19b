// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.Secret;
import org.rabbitjca.settings.TlsSettings;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsFailuresTest {

    private static final TlsSettings TLS = new TlsSettings(true, List.of("TLSv1.3", "TLSv1.2"), true, Optional.empty(),
            Optional.empty());

    @Test
    void aPlainPortAnsweringTheHandshakeIsNamedWithTheTlsPortHint() {
        SSLException plainPort = new SSLException("Unsupported or unrecognized SSL message");

        assertEquals("the port does not speak TLS (Unsupported or unrecognized SSL message). Check that 'addresses' "
                + "names the broker's TLS port (usually 5671).", TlsFailures.explain(plainPort, TLS));
    }

    @Test
    void eachKnownCauseHasItsOwnWords() {
        assertAll(() -> assertTrue(explain("PKIX path building failed").startsWith("the broker's certificate is not "
                        + "trusted: it does not chain to a certificate in the JVM's default trust store")),
                () -> assertTrue(explain("No subject alternative names matching IP address 127.0.0.1 found")
                        .startsWith("the broker's certificate does not name the host connected to")),
                () -> assertTrue(explain("No appropriate protocol (protocol is disabled or cipher suites are "
                        + "inappropriate)").startsWith("no TLS protocol version is acceptable to both sides: "
                        + "tlsProtocols allows TLSv1.3, TLSv1.2")),
                () -> assertTrue(explain("Received fatal alert: certificate_required")
                        .startsWith("the broker refused the client certificate or wanted one")));
    }

    @Test
    void anUnknownCauseKeepsTheJdkTextAsOneSentence() {
        assertEquals("Something new went wrong.", explain("Something new went wrong"));
        assertEquals("Already a sentence.", explain("Already a sentence."));
    }

    @Test
    void theDeepestCauseDecides() {
        SSLHandshakeException outer = new SSLHandshakeException("handshake failed");
        outer.initCause(new IllegalStateException("PKIX path validation failed"));

        assertTrue(TlsFailures.explain(outer, TLS).startsWith("the broker's certificate is not trusted"));
    }

    @Test
    void anUntrustedCertificateNamesTheConfiguredTrustStore() {
        TlsSettings.KeyStoreFile trust = new TlsSettings.KeyStoreFile("trustStore",
                Path.of("/etc/rabbitmq-jca/trust.p12"), new Secret("pw"), "PKCS12");
        TlsSettings withStore = new TlsSettings(true, List.of("TLSv1.3"), true, Optional.of(trust), Optional.empty());

        assertTrue(TlsFailures.explain(new SSLException("PKIX path building failed"), withStore).startsWith("the "
                + "broker's certificate is not trusted: it does not chain to a certificate in trustStore "
                + "'/etc/rabbitmq-jca/trust.p12'."));
    }

    @Test
    void eachJdkSpellingOfAKnownCauseIsRecognised() {
        assertAll(() -> assertTrue(explain("No name matching rabbit1 found").startsWith("the broker's certificate "
                        + "does not name the host")),
                () -> assertTrue(explain("Received fatal alert: protocol_version").startsWith("no TLS protocol "
                        + "version is acceptable")),
                () -> assertTrue(explain("The client supported protocol versions [TLSv1.1] are not accepted by "
                        + "server preferences [Protocol Version]").startsWith("no TLS protocol version")),
                () -> assertTrue(explain("Received fatal alert: bad_certificate").startsWith("the broker refused "
                        + "the client certificate")),
                () -> assertTrue(explain("Received fatal alert: unknown_ca").startsWith("the broker refused")),
                () -> assertTrue(explain("Received fatal alert: certificate_unknown").startsWith("the broker "
                        + "refused")),
                () -> assertTrue(explain("plaintext connection?").startsWith("the port does not speak TLS")));
    }

    private static String explain(String jdkText) {
        return TlsFailures.explain(new SSLException(jdkText), TLS);
    }
}
