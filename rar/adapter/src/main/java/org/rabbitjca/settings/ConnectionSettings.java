// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import com.rabbitmq.client.Address;

import java.util.List;

/**
 * The validated, immutable settings of one broker connection, resolved from the levels of
 * {@link ConnectionProperties}. Equal settings share physical connections. {@code toString()} masks the password.
 *
 * @param addresses the broker addresses, in the configured order
 * @param virtualHost the virtual host
 * @param username the user name
 * @param password the password
 * @param requestedHeartbeatSeconds the heartbeat proposed to the broker, 0 for none
 * @param connectionTimeoutMillis the connect and handshake timeout
 * @param connectionName the client-provided connection name
 */
public record ConnectionSettings(List<Address> addresses, String virtualHost, String username, Secret password,
                                 int requestedHeartbeatSeconds, int connectionTimeoutMillis, String connectionName) {

    /** Default of {@code addresses}. */
    public static final String DEFAULT_ADDRESSES = "localhost:5672";
    /** Default of {@code virtualHost}. */
    public static final String DEFAULT_VIRTUAL_HOST = "/";
    /** Default of {@code username}. */
    public static final String DEFAULT_USERNAME = "guest";
    /** Default of {@code password}; not in any description string, being a secret in spirit. */
    static final String DEFAULT_PASSWORD = "guest";
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
        ConnectionProperties merged = new ConnectionProperties() { };
        for (ConnectionProperties level : levels) {
            if (level != null) {
                level.overlay(merged);
            }
        }
        Problems problems = new Problems();
        String addressText = problems.notBlank("addresses", merged.getAddresses(), DEFAULT_ADDRESSES,
                "rabbit1:5672,rabbit2:5672");
        List<Address> addresses = AddressList.parse(addressText == null ? "" : addressText, problems);
        String virtualHost = problems.notBlank("virtualHost", merged.getVirtualHost(), DEFAULT_VIRTUAL_HOST, "/");
        String username = problems.notBlank("username", merged.getUsername(), DEFAULT_USERNAME, "orders-app");
        String password = merged.getPassword() == null ? DEFAULT_PASSWORD : merged.getPassword();
        int heartbeat = problems.between("requestedHeartbeatSeconds", merged.getRequestedHeartbeatSeconds(),
                DEFAULT_HEARTBEAT_SECONDS, 0, 65_535, "seconds; 0 turns heartbeats off");
        int timeout = problems.atLeast("connectionTimeoutMillis", merged.getConnectionTimeoutMillis(),
                DEFAULT_CONNECTION_TIMEOUT_MILLIS, 1, "milliseconds; waiting forever is not allowed");
        String name = problems.notBlank("connectionName", merged.getConnectionName(), DEFAULT_CONNECTION_NAME,
                "orders-app");
        problems.throwIfAny(where);
        return new ConnectionSettings(addresses, virtualHost, username, new Secret(password), heartbeat, timeout, name);
    }

    /** @return the addresses as {@code host:port,host:port}, for messages and logs */
    public String describeAddresses() {
        return AddressList.format(addresses);
    }
}
