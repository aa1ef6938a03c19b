// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.Backoff;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.Secret;
import org.rabbitjca.settings.TlsSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting reaches amqp-client's factory, read back through the factory's own getters. */
class ClientFactoryBuilderTest {

    private static final List<Address> ADDRESSES = List.of(new Address("rabbit1", 5671), new Address("rabbit2", 5672));

    @Test
    void theLoginVirtualHostHeartbeatAndConnectionNameReachTheFactory() {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, TlsSettings.OFF));

        assertAll(() -> assertEquals("app", factory.getUsername()),
                () -> assertEquals("s3cr3t", factory.getPassword()),
                () -> assertEquals("orders", factory.getVirtualHost()),
                () -> assertEquals(15, factory.getRequestedHeartbeat()),
                () -> assertEquals("orders-app", factory.getClientProperties().get("connection_name")),
                () -> assertSame(DefaultSaslConfig.PLAIN, factory.getSaslConfig()));
    }

    @Test
    void theConnectionTimeoutBoundsConnectHandshakeCloseAndEveryChannelCall() {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, TlsSettings.OFF));

        assertAll(() -> assertEquals(7_000, factory.getConnectionTimeout()),
                () -> assertEquals(7_000, factory.getHandshakeTimeout()),
                () -> assertEquals(7_000, factory.getShutdownTimeout()),
                () -> assertEquals(7_000, factory.getChannelRpcTimeout()));
    }

    @Test
    void connectionsRecoverByThemselvesButTheirTopologyDoesNot() {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, TlsSettings.OFF));

        assertAll(() -> assertTrue(factory.isAutomaticRecoveryEnabled()),
                () -> assertFalse(factory.isTopologyRecoveryEnabled()));
    }

    @Test
    void anExternalLoginUsesTheClientCertificate() {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(true, tls(true)));

        assertSame(DefaultSaslConfig.EXTERNAL, factory.getSaslConfig());
    }

    @Test
    void withoutTlsTheFactoryKeepsPlainSockets() {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, TlsSettings.OFF));

        assertFalse(factory.getSocketFactory() instanceof SSLSocketFactory);
    }

    @Test
    void withTlsEverySocketGetsTheConfiguredProtocolsAndVerifiesTheHostName() throws Exception {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, tls(true)));

        SSLSocket socket = configuredSocket(factory);

        assertAll(() -> assertInstanceOf(SSLSocketFactory.class, factory.getSocketFactory()),
                () -> assertArrayEquals(new String[] {"TLSv1.2"}, socket.getSSLParameters().getProtocols()),
                () -> assertEquals("HTTPS", socket.getSSLParameters().getEndpointIdentificationAlgorithm()));
    }

    @Test
    void withHostNameVerificationOffSocketsSkipOnlyThatCheck() throws Exception {
        ConnectionFactory factory = ClientFactoryBuilder.build(settings(false, tls(false)));

        SSLSocket socket = configuredSocket(factory);

        assertAll(() -> assertNull(socket.getSSLParameters().getEndpointIdentificationAlgorithm()),
                () -> assertArrayEquals(new String[] {"TLSv1.2"}, socket.getSSLParameters().getProtocols()));
    }

    @Test
    void addressesKeepTheirOrderWhenShuffleAddressesIsOff() throws Exception {
        ConnectionSettings inOrder = settings(false, TlsSettings.OFF);

        assertEquals(ADDRESSES, ClientFactoryBuilder.addresses(inOrder).maybeShuffle(ADDRESSES));
    }

    /** @return an unconnected socket, as amqp-client's configurator sets it up before connecting */
    private static SSLSocket configuredSocket(ConnectionFactory factory) throws Exception {
        SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket();
        factory.getSocketConfigurator().configure(socket);
        return socket;
    }

    private static TlsSettings tls(boolean verifyHostname) {
        return new TlsSettings(true, List.of("TLSv1.2"), verifyHostname, Optional.empty(), Optional.empty());
    }

    private static ConnectionSettings settings(boolean externalLogin, TlsSettings tls) {
        return new ConnectionSettings(ADDRESSES, false, "orders", "app", new Secret("s3cr3t"), externalLogin, 15,
                7_000, "orders-app", new Backoff(1_000, 30_000), tls);
    }
}
