// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} and {@code openssl} (run as root): one server-only TLS node for the
 * class (about 7 s).
 */
class TlsNodeTest {

    private static final Duration LOG_DELAY = Duration.ofSeconds(5);

    private static RabbitNode node;

    @BeforeAll
    static void startNode() {
        node = RabbitNode.startWithTls();
    }

    @AfterAll
    static void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void clientVerifyingTheHostnameLogsInWithPlainOverTls13() throws Exception {
        assertEquals("127.0.0.1:" + node.tlsPort(), node.tlsAddresses());
        try (Connection connection = node.newTlsConnectionFactory().newConnection("tls-plain")) {
            assertEquals(List.of("guest", "PLAIN", "true", "tlsv1.3"),
                    ConnectionRows.of(node, "tls-plain", "user", "auth_mechanism", "ssl", "ssl_protocol"));
        }
    }

    @Test
    void tls12And13HandshakesSucceedWithHostnameVerification() throws Exception {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            assertEquals(protocol, handshake(protocol));
        }
    }

    /**
     * Java 17 cannot offer TLS 1.1 at all ({@code jdk.tls.disabledAlgorithms}: amqp-client fails before sending a
     * byte with "No appropriate protocol"), so openssl plays the old client; the node's log shows that it is the
     * server that sent the alert.
     */
    @Test
    void tls11ClientIsRefusedByTheServerWithAProtocolVersionAlert() throws Exception {
        CommandRunner.Result tls11 = sClient("-tls1_1");
        CommandRunner.Result tls12 = sClient("-tls1_2");

        assertFalse(tls11.succeeded(), tls11.describe());
        assertTrue(tls11.stderr().contains("alert protocol version"), tls11.describe());
        NodeLogs.awaitLogged(node, "generated SERVER ALERT: Fatal - Protocol Version", LOG_DELAY);
        assertTrue(tls12.succeeded(), "the same openssl is accepted with TLS 1.2: " + tls12.describe());
    }

    @Test
    void clientThatDoesNotTrustTheTestCaRefusesTheNode() throws Exception {
        ConnectionFactory factory = node.newTlsConnectionFactory();
        factory.useSslProtocol(SSLContext.getDefault()); // the JDK's cacerts only

        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, factory::newConnection);
        Causes.find(e, CertPathBuilderException.class);
    }

    @Test
    void externalLoginWithoutClientCertificateIsRefused() {
        ConnectionFactory factory = node.newTlsConnectionFactory();
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);

        AuthenticationFailureException e = assertThrows(AuthenticationFailureException.class, factory::newConnection);
        assertTrue(e.getMessage().contains("mechanism EXTERNAL"), e.getMessage());
    }

    private static String handshake(String protocol) throws Exception {
        try (SSLSocket socket = (SSLSocket) node.certificates().sslContext().getSocketFactory()
                .createSocket(node.host(), node.tlsPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** OpenSSL 3 refuses TLS 1.1 itself at its default security level; level 0 lets it try. */
    private static CommandRunner.Result sClient(String versionOption) {
        return CommandRunner.run(List.of(Openssl.executable().toString(), "s_client", "-brief",
                "-connect", node.tlsAddresses(), versionOption, "-cipher", "DEFAULT@SECLEVEL=0",
                "-CAfile", node.certificates().caCertificateFile().toString()), Duration.ofSeconds(20));
    }
}
