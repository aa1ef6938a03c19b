// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.TlsSettings;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
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

    private static String explain(String jdkText) {
        return TlsFailures.explain(new SSLException(jdkText), TLS);
    }
}
