// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} and {@code openssl} (run as root): one mutual-TLS node for the class
 * (about 7 s).
 */
class MutualTlsNodeTest {

    private static RabbitNode node;

    @BeforeAll
    static void startNode() {
        node = RabbitNode.startWithTls(TlsOptions.serverOnly().withClientCertificateRequired());
    }

    @AfterAll
    static void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void clientCertificateLogsInWithExternalAsItsCommonName() throws Exception {
        ConnectionFactory factory = node.newTlsConnectionFactory();
        factory.useSslProtocol(node.certificates().sslContextWithClientCertificate());
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);

        try (Connection connection = factory.newConnection("tls-external")) {
            assertEquals(List.of("jca-client", "EXTERNAL", "CN=jca-client"),
                    ConnectionRows.of(node, "tls-external", "user", "auth_mechanism", "peer_cert_subject"));
        }
    }

    /** amqp-client only sees the socket reset; the node's log says why. */
    @Test
    void clientWithoutCertificateIsRefusedInTheHandshake() throws Exception {
        assertThrows(IOException.class, () -> node.newTlsConnectionFactory().newConnection());

        NodeLogs.awaitLogged(node, "SERVER ALERT: Fatal - Certificate required", Duration.ofSeconds(5));
    }

    @Test
    void storesHoldTheCaAndTheClientKeyUnderTheirPasswords() throws Exception {
        TestCertificates certificates = node.certificates();
        assertEquals("PKCS12", certificates.storeType());

        KeyStore trust = load(certificates.storeType(), certificates.trustStore(), certificates.trustStorePassword());
        assertEquals(1, trust.size());
        assertTrue(trust.isCertificateEntry(Collections.list(trust.aliases()).get(0)));

        KeyStore keys = load(certificates.storeType(), certificates.keyStore(), certificates.keyStorePassword());
        assertEquals(List.of(certificates.clientCommonName()), Collections.list(keys.aliases()));
        assertTrue(keys.isKeyEntry("jca-client"));
        assertEquals(2, keys.getCertificateChain("jca-client").length, "client certificate and CA");
    }

    private static KeyStore load(String type, Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
