// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} and {@code openssl} (run as root): one TLS node whose certificate
 * names {@code wrong-host.example}, for the class (about 7 s).
 */
class WrongHostnameTlsNodeTest {

    private static RabbitNode node;

    @BeforeAll
    static void startNode() {
        node = RabbitNode.startWithTls(TlsOptions.serverOnly().withServerHostname("wrong-host.example"));
    }

    @AfterAll
    static void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void clientVerifyingTheHostnameRefusesACertificateForAnotherHost() {
        assertEquals("wrong-host.example", node.certificates().serverHostname());

        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> node.newTlsConnectionFactory().newConnection());
        CertificateException mismatch = Causes.find(e, CertificateException.class);
        assertTrue(mismatch.getMessage().contains("127.0.0.1"), mismatch.getMessage());
    }

    /**
     * The certificate is trusted; only its name is wrong. {@code useSslProtocol(SSLContext)} verifies host names
     * in amqp-client 5.37 whatever one asks (rabbitmq-java-client#2005), so the client takes the context's socket
     * factory instead.
     */
    @Test
    void sameClientWithoutHostnameVerificationConnects() throws Exception {
        ConnectionFactory factory = node.newConnectionFactory();
        factory.setPort(node.tlsPort());
        factory.setSocketFactory(node.certificates().sslContext().getSocketFactory());

        try (Connection connection = factory.newConnection()) {
            assertTrue(connection.isOpen());
        }
    }
}
