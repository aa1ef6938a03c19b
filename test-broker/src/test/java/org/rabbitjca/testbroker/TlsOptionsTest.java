// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** TLS options: defaults, copies, and host names that cannot name a certificate. No broker needed. */
class TlsOptionsTest {

    @Test
    void defaultsAreServerOnlyTlsForLocalhost() {
        TlsOptions defaults = TlsOptions.serverOnly();
        assertFalse(defaults.clientCertificateRequired());
        assertEquals("localhost", defaults.serverHostname());
    }

    @Test
    void withersChangeACopyOnly() {
        TlsOptions defaults = TlsOptions.serverOnly();
        TlsOptions changed = defaults.withClientCertificateRequired().withServerHostname("wrong-host.example");

        assertTrue(changed.clientCertificateRequired());
        assertEquals("wrong-host.example", changed.serverHostname());
        assertEquals("localhost", defaults.serverHostname());
        assertFalse(defaults.clientCertificateRequired());
    }

    @Test
    void hostnameThatIsNoDnsNameIsRejectedWithTheReason() {
        for (String bad : new String[] {"", "two words", "-leading-hyphen", "a/b", "x,IP:10.0.0.1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TlsOptions.serverOnly().withServerHostname(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "' is not a DNS name"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TlsOptions.serverOnly().withServerHostname(null));
    }
}
