// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import com.rabbitmq.client.Address;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.rabbitjca.settings.ConnectionProperty.ADDRESSES;
import static org.rabbitjca.settings.ConnectionProperty.CONNECTION_NAME;
import static org.rabbitjca.settings.ConnectionProperty.CONNECTION_TIMEOUT_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.RECONNECT_INITIAL_DELAY_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.RECONNECT_MAX_DELAY_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.REQUESTED_HEARTBEAT_SECONDS;
import static org.rabbitjca.settings.ConnectionProperty.SASL_MECHANISM;
import static org.rabbitjca.settings.ConnectionProperty.USERNAME;
import static org.rabbitjca.settings.ConnectionProperty.VIRTUAL_HOST;

/**
 * The validated, immutable settings of one broker connection, resolved from the levels of
 * {@link ConnectionProperties}. Equal settings share physical connections. {@code toString()} masks the password.
 *
 * @param addresses the broker addresses, in the configured order
 * @param shuffleAddresses whether each connection tries them in a random order
 * @param virtualHost the virtual host
 * @param username the user name
 * @param password the password
 * @param externalLogin whether the login is SASL EXTERNAL (the client certificate) rather than PLAIN
 * @param requestedHeartbeatSeconds the heartbeat proposed to the broker, 0 for none
 * @param connectionTimeoutMillis the connect and handshake timeout
 * @param connectionName the client-provided connection name
 * @param reconnect the waits between reconnect attempts
 * @param tls how connections use TLS
 */
public record ConnectionSettings(List<Address> addresses, boolean shuffleAddresses, String virtualHost,
                                 String username, Secret password, boolean externalLogin,
                                 int requestedHeartbeatSeconds, int connectionTimeoutMillis, String connectionName,
                                 Backoff reconnect, TlsSettings tls) {

    /** The port of an address that names none, without TLS: the AMQP port. */
    public static final int DEFAULT_PORT = 5672;
    /** The port of an address that names none, with TLS: the AMQP over TLS port. */
    public static final int DEFAULT_TLS_PORT = 5671;
    /** Default of {@code addresses}. */
    public static final String DEFAULT_ADDRESSES = "localhost:" + DEFAULT_PORT;
    /** Default of {@code shuffleAddresses}: the clients of a cluster spread over its nodes. */
    public static final boolean DEFAULT_SHUFFLE_ADDRESSES = true;
    /** Default of {@code virtualHost}. */
    public static final String DEFAULT_VIRTUAL_HOST = "/";
    /** Default of {@code username}. */
    public static final String DEFAULT_USERNAME = "guest";
    /** Default of {@code password}: RabbitMQ's own for {@code guest}, no secret. */
    static final String DEFAULT_PASSWORD = "guest";
    /** Default of {@code saslMechanism}: log in with {@code username} and {@code password}. */
    public static final String DEFAULT_SASL_MECHANISM = "PLAIN";
    /** Default of {@code requestedHeartbeatSeconds}. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 60;
    /** Default of {@code connectionTimeoutMillis}. */
    public static final int DEFAULT_CONNECTION_TIMEOUT_MILLIS = 10_000;
    /** Default of {@code connectionName}. */
    public static final String DEFAULT_CONNECTION_NAME = "rabbitmq-jca";

    /** Copies the address list so the record stays immutable. */
    public ConnectionSettings {
        addresses = List.copyOf(addresses);
    }

    /**
     * Resolves the effective settings from the most general level to the most specific one.
     *
     * @param where names the configuration in error messages, e.g. {@code "connection pool 'orders'"}
     * @param levels the property levels, general first (adapter configuration, then pool or activation); nulls are
     *               skipped
     * @return the validated settings
     * @throws InvalidSettingsException listing every invalid property
     */
    public static ConnectionSettings resolve(String where, ConnectionProperties... levels)
            throws InvalidSettingsException {
        Problems problems = new Problems();
        ConnectionSettings settings = resolve(problems, levels);
        problems.throwIfAny(where);
        return settings;
    }

    /**
     * Like {@link #resolve(String, ConnectionProperties...)}, adding every problem to {@code problems}, so that the
     * caller reports them with those of other settings.
     *
     * @return the settings, or {@code null} when a problem was found
     */
    static ConnectionSettings resolve(Problems problems, ConnectionProperties... levels) {
        ConnectionProperties merged = ConnectionProperties.merge(levels);
        int before = problems.count();
        boolean useTls = Objects.requireNonNullElse(merged.getUseTls(), TlsSettings.DEFAULT_USE_TLS);
        String addressText = problems.notBlank(ADDRESSES.propertyName(), merged.getAddresses(), DEFAULT_ADDRESSES,
                "rabbit1:5672,rabbit2:5672");
        List<Address> addresses = AddressList.parse(addressText == null ? "" : addressText,
                useTls ? DEFAULT_TLS_PORT : DEFAULT_PORT, problems);
        String virtualHost = problems.notBlank(VIRTUAL_HOST.propertyName(), merged.getVirtualHost(),
                DEFAULT_VIRTUAL_HOST, "/");
        String username = problems.notBlank(USERNAME.propertyName(), merged.getUsername(), DEFAULT_USERNAME,
                "orders-app");
        String password = Objects.requireNonNullElse(merged.getPassword(), DEFAULT_PASSWORD);
        int heartbeat = problems.between(REQUESTED_HEARTBEAT_SECONDS.propertyName(),
                merged.getRequestedHeartbeatSeconds(), DEFAULT_HEARTBEAT_SECONDS, 0, 65_535,
                "seconds; 0 turns heartbeats off");
        int timeout = problems.atLeast(CONNECTION_TIMEOUT_MILLIS.propertyName(), merged.getConnectionTimeoutMillis(),
                DEFAULT_CONNECTION_TIMEOUT_MILLIS, 1, "milliseconds; waiting forever is not allowed");
        String name = problems.notBlank(CONNECTION_NAME.propertyName(), merged.getConnectionName(),
                DEFAULT_CONNECTION_NAME, "orders-app");
        int initialCheck = problems.count();
        int initialDelay = problems.atLeast(RECONNECT_INITIAL_DELAY_MILLIS.propertyName(),
                merged.getReconnectInitialDelayMillis(), Backoff.DEFAULT_INITIAL_MILLIS, 1,
                "milliseconds before the first reconnect attempt");
        boolean initialValid = problems.count() == initialCheck;
        // Compared with reconnectInitialDelayMillis only when that one is valid: "at least -5" would be nonsense.
        int maxDelay = problems.atLeast(RECONNECT_MAX_DELAY_MILLIS.propertyName(),
                merged.getReconnectMaxDelayMillis(), Backoff.DEFAULT_MAX_MILLIS, initialValid ? initialDelay : 1,
                initialValid ? "milliseconds; at least " + RECONNECT_INITIAL_DELAY_MILLIS.propertyName()
                        : "milliseconds");
        TlsSettings tls = TlsResolver.resolve(useTls, merged, problems);
        boolean external = externalLogin(merged.getSaslMechanism(), tls, problems);
        if (problems.count() > before) {
            return null;
        }
        return new ConnectionSettings(addresses,
                Objects.requireNonNullElse(merged.getShuffleAddresses(), DEFAULT_SHUFFLE_ADDRESSES), virtualHost,
                username, new Secret(password), external, heartbeat, timeout, name,
                new Backoff(initialDelay, maxDelay), tls);
    }

    private static boolean externalLogin(String mechanism, TlsSettings tls, Problems problems) {
        String effective = mechanism == null ? DEFAULT_SASL_MECHANISM : mechanism.trim().toUpperCase(Locale.ROOT);
        switch (effective) {
            case "PLAIN":
                return false;
            case "EXTERNAL":
                if (tls.keyStore().isEmpty()) {
                    problems.add(SASL_MECHANISM.propertyName() + " is EXTERNAL, which logs in with the client "
                            + "certificate: set useTls to true and keyStore to the store holding the certificate");
                }
                return true;
            default:
                problems.add(SASL_MECHANISM.propertyName() + " is '" + mechanism + "' but must be PLAIN (username and "
                        + "password) or EXTERNAL (the client certificate)");
                return false;
        }
    }

    /** @return the addresses as {@code host:port,host:port}, for messages and logs */
    public String describeAddresses() {
        return AddressList.format(addresses);
    }
}
