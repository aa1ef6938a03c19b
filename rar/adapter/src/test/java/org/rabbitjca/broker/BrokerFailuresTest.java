// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.AMQImpl;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.BrokerUnreachableException;
import org.rabbitjca.api.LoginRefusedException;
import org.rabbitjca.api.TlsHandshakeException;
import org.rabbitjca.api.VirtualHostRefusedException;
import org.rabbitjca.settings.Backoff;
import org.rabbitjca.settings.ConnectionProperties;
import org.rabbitjca.settings.ConnectionSettings;
import org.rabbitjca.settings.Secret;
import org.rabbitjca.settings.TlsSettings;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each connect failure amqp-client reports becomes its own exception with its own words, never the password. */
class BrokerFailuresTest {

    private static final String PASSWORD = "s3cr3t-pw";

    private final ConnectionSettings settings = settings();

    @Test
    void aRefusedLoginNamesTheUserAndMechanism() {
        AuthenticationFailureException refused = new AuthenticationFailureException("ACCESS_REFUSED");

        BrokerUnavailableException translated = BrokerFailures.connectFailed(settings, refused);

        assertAll(() -> assertInstanceOf(LoginRefusedException.class, translated),
                () -> assertTrue(translated.getMessage().startsWith("Login refused by the broker at rabbit1:5672 "
                        + "(virtual host 'orders', user 'app') with mechanism PLAIN"), translated.getMessage()),
                () -> assertSame(refused, translated.getCause()));
    }

    @Test
    void aVirtualHostTheBrokerRefusesIsNamed() {
        IOException closed = new IOException(new ShutdownSignalException(true, false,
                new AMQImpl.Connection.Close(AMQP.NOT_ALLOWED, "NOT_ALLOWED - vhost orders not found", 0, 0), null));

        BrokerUnavailableException translated = BrokerFailures.connectFailed(settings, closed);

        assertAll(() -> assertInstanceOf(VirtualHostRefusedException.class, translated),
                () -> assertTrue(translated.getMessage().startsWith("Virtual host 'orders' does not exist or user "
                        + "'app' may not use it"), translated.getMessage()));
    }

    @Test
    void unreachableUnknownAndSilentBrokersAreThreeDifferentMessages() {
        String refused = BrokerFailures.connectFailed(settings, new ConnectException("Connection refused"))
                .getMessage();
        String unknown = BrokerFailures.connectFailed(settings, new IOException(
                new UnknownHostException("rabbit1"))).getMessage();
        String silent = BrokerFailures.connectFailed(settings, new IOException(
                new SocketTimeoutException("connect timed out"))).getMessage();
        String handshakeTimeout = BrokerFailures.connectFailed(settings, new TimeoutException()).getMessage();

        assertAll(() -> assertTrue(refused.contains(": connection refused. Is RabbitMQ running"), refused),
                () -> assertTrue(unknown.startsWith("Cannot resolve the host name in 'addresses' (rabbit1:5672): "
                        + "rabbit1 is unknown to DNS"), unknown),
                () -> assertTrue(silent.startsWith("Timed out after 10000 ms connecting to the broker at "
                        + "rabbit1:5672"), silent),
                () -> assertTrue(handshakeTimeout.startsWith("Timed out after 10000 ms"), handshakeTimeout),
                () -> assertInstanceOf(BrokerUnreachableException.class,
                        BrokerFailures.connectFailed(settings, new ConnectException("Connection refused"))));
    }

    @Test
    void aTlsHandshakeFailureSaysWhy() {
        BrokerUnavailableException translated = BrokerFailures.connectFailed(settings,
                new SSLHandshakeException("PKIX path building failed"));

        assertAll(() -> assertInstanceOf(TlsHandshakeException.class, translated),
                () -> assertTrue(translated.getMessage().contains("failed: the broker's certificate is not trusted"),
                        translated.getMessage()));
    }

    @Test
    void anUnknownFailureKeepsItsTextAndNoMessageCarriesThePassword() {
        IOException odd = new IOException("something else");

        BrokerUnavailableException translated = BrokerFailures.connectFailed(settings, odd);

        assertAll(() -> assertEquals(BrokerUnavailableException.class, translated.getClass()),
                () -> assertTrue(translated.getMessage().endsWith(": java.io.IOException: something else")),
                () -> assertFalse(translated.getMessage().contains(PASSWORD)));
    }

    @Test
    void aRefusedExternalLoginPointsAtTheCertificateAndItsUser() {
        BrokerUnavailableException translated = BrokerFailures.connectFailed(tlsSettings(true),
                new PossibleAuthenticationFailureException(new IOException("closed during login")));

        assertAll(() -> assertInstanceOf(LoginRefusedException.class, translated),
                () -> assertTrue(translated.getMessage().contains("with mechanism EXTERNAL (the client certificate): "
                        + "check that keyStore holds a certificate the broker trusts and that a user named after its "
                        + "subject exists"), translated.getMessage()));
    }

    @Test
    void aRefusedAccessToTheVirtualHostIsNamedLikeAMissingOne() {
        IOException closed = new IOException(new ShutdownSignalException(true, false,
                new AMQImpl.Connection.Close(AMQP.ACCESS_REFUSED, "ACCESS_REFUSED - access to vhost 'orders' "
                        + "refused for user 'app'", 10, 40), null));

        assertInstanceOf(VirtualHostRefusedException.class, BrokerFailures.connectFailed(settings, closed));
    }

    @Test
    void withTlsARefusedSilentOrResetConnectionPointsAtTheTlsPortAndTheClientCertificate() {
        ConnectionSettings tls = tlsSettings(false);

        String refused = BrokerFailures.connectFailed(tls, new ConnectException("Connection refused")).getMessage();
        String silent = BrokerFailures.connectFailed(tls, new TimeoutException()).getMessage();
        BrokerUnavailableException reset = BrokerFailures.connectFailed(tls,
                new IOException(new SocketException("Connection reset")));
        BrokerUnavailableException plainReset = BrokerFailures.connectFailed(settings,
                new IOException(new SocketException("Connection reset")));

        assertAll(() -> assertTrue(refused.endsWith("Check 'addresses' (TLS listeners usually use port 5671)."),
                        refused),
                () -> assertTrue(silent.contains("the port may not speak AMQP over TLS."), silent),
                () -> assertInstanceOf(TlsHandshakeException.class, reset),
                () -> assertTrue(reset.getMessage().endsWith("failed: the broker closed the connection. It may "
                        + "require a client certificate (set keyStore) or refuse the protocol versions in tlsProtocols "
                        + "(TLSv1.3)."), reset.getMessage()),
                () -> assertEquals(BrokerUnavailableException.class, plainReset.getClass()));
    }

    private static ConnectionSettings tlsSettings(boolean externalLogin) {
        return new ConnectionSettings(List.of(new Address("rabbit1", 5671)), true, "orders", "app",
                new Secret(PASSWORD), externalLogin, 60, 10_000, "orders-app", new Backoff(1_000, 30_000),
                new TlsSettings(true, List.of("TLSv1.3"), true, Optional.empty(), Optional.empty()));
    }

    private static ConnectionSettings settings() {
        ConnectionProperties level = new ConnectionProperties() { };
        level.setAddresses("rabbit1:5672");
        level.setVirtualHost("orders");
        level.setUsername("app");
        level.setPassword(PASSWORD);
        try {
            return ConnectionSettings.resolve("test", level);
        } catch (Exception invalid) {
            throw new AssertionError(invalid);
        }
    }
}
