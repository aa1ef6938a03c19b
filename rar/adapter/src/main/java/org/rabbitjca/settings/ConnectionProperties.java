// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * The broker connection properties, declared once and inherited by the resource adapter (server-wide defaults),
 * the managed connection factory (per pool) and the activation spec (per message-driven bean). A property left
 * unset ({@code null}) at one level takes the value of the more general level, then the default in
 * {@link ConnectionSettings}. Set by the container from descriptors, before the object is used; not thread-safe.
 */
public abstract class ConnectionProperties implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private String addresses;
    private String virtualHost;
    private String username;
    private String password;
    private Integer requestedHeartbeatSeconds;
    private Integer connectionTimeoutMillis;
    private String connectionName;

    /** @return the broker addresses, or {@code null} when not set at this level */
    public String getAddresses() {
        return addresses;
    }

    /** @param addresses see the description */
    @ConfigProperty(description = "Broker addresses as host[:port], comma-separated for a cluster, e.g. "
            + "'rabbit1:5672,rabbit2:5672'. The port defaults to 5672. Default: " + ConnectionSettings.DEFAULT_ADDRESSES)
    public void setAddresses(String addresses) {
        this.addresses = addresses;
    }

    /** @return the virtual host, or {@code null} when not set at this level */
    public String getVirtualHost() {
        return virtualHost;
    }

    /** @param virtualHost see the description */
    @ConfigProperty(description = "The RabbitMQ virtual host to connect to. Default: "
            + ConnectionSettings.DEFAULT_VIRTUAL_HOST)
    public void setVirtualHost(String virtualHost) {
        this.virtualHost = virtualHost;
    }

    /** @return the user name, or {@code null} when not set at this level */
    public String getUsername() {
        return username;
    }

    /** @param username see the description */
    @ConfigProperty(description = "The user to log in as. Default: " + ConnectionSettings.DEFAULT_USERNAME
            + " (RabbitMQ lets 'guest' log in from localhost only)")
    public void setUsername(String username) {
        this.username = username;
    }

    /** @return the password, or {@code null} when not set at this level */
    public String getPassword() {
        return password;
    }

    /** @param password see the description */
    @ConfigProperty(confidential = true, description = "The password of the user. Never logged. On Payara, "
            + "prefer a password alias: ${ALIAS=rabbitmq-password}. Default: guest")
    public void setPassword(String password) {
        this.password = password;
    }

    /** @return the requested heartbeat in seconds, or {@code null} when not set at this level */
    public Integer getRequestedHeartbeatSeconds() {
        return requestedHeartbeatSeconds;
    }

    /** @param requestedHeartbeatSeconds see the description */
    @ConfigProperty(description = "The heartbeat interval in seconds proposed to the broker; a silent peer is "
            + "declared dead after about two intervals. 0 turns heartbeats off (not recommended). Default: "
            + ConnectionSettings.DEFAULT_HEARTBEAT_SECONDS)
    public void setRequestedHeartbeatSeconds(Integer requestedHeartbeatSeconds) {
        this.requestedHeartbeatSeconds = requestedHeartbeatSeconds;
    }

    /** @return the connection timeout in milliseconds, or {@code null} when not set at this level */
    public Integer getConnectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    /** @param connectionTimeoutMillis see the description */
    @ConfigProperty(description = "How long opening a TCP connection and the AMQP handshake may take, in "
            + "milliseconds, before the attempt fails. Must be positive. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_TIMEOUT_MILLIS)
    public void setConnectionTimeoutMillis(Integer connectionTimeoutMillis) {
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    /** @return the client-provided connection name, or {@code null} when not set at this level */
    public String getConnectionName() {
        return connectionName;
    }

    /** @param connectionName see the description */
    @ConfigProperty(description = "The client-provided connection name shown in the RabbitMQ management UI and "
            + "rabbitmqctl list_connections; the adapter appends the role, e.g. 'orders-app (publish)'. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_NAME)
    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    /**
     * Copies every property set at this level over {@code target}, leaving the others untouched.
     *
     * @param target the more general level's values, overwritten where this level sets a property
     */
    void overlay(ConnectionProperties target) {
        if (addresses != null) target.addresses = addresses;
        if (virtualHost != null) target.virtualHost = virtualHost;
        if (username != null) target.username = username;
        if (password != null) target.password = password;
        if (requestedHeartbeatSeconds != null) target.requestedHeartbeatSeconds = requestedHeartbeatSeconds;
        if (connectionTimeoutMillis != null) target.connectionTimeoutMillis = connectionTimeoutMillis;
        if (connectionName != null) target.connectionName = connectionName;
    }

    /**
     * @param other another level's properties
     * @return whether both set the same connection properties (for the {@code equals} the containers require)
     */
    protected final boolean sameConnectionProperties(ConnectionProperties other) {
        return Objects.equals(addresses, other.addresses) && Objects.equals(virtualHost, other.virtualHost)
                && Objects.equals(username, other.username) && Objects.equals(password, other.password)
                && Objects.equals(requestedHeartbeatSeconds, other.requestedHeartbeatSeconds)
                && Objects.equals(connectionTimeoutMillis, other.connectionTimeoutMillis)
                && Objects.equals(connectionName, other.connectionName);
    }

    /** @return a hash of the connection properties, consistent with {@link #sameConnectionProperties} */
    protected final int connectionPropertiesHash() {
        return Objects.hash(addresses, virtualHost, username, password, requestedHeartbeatSeconds,
                connectionTimeoutMillis, connectionName);
    }

    /** @return the connection properties set at this level, the password masked, for {@code toString()} */
    protected final String describeConnectionProperties() {
        return "addresses=" + addresses + ", virtualHost=" + virtualHost + ", username=" + username + ", password="
                + (password == null ? null : "****") + ", requestedHeartbeatSeconds=" + requestedHeartbeatSeconds
                + ", connectionTimeoutMillis=" + connectionTimeoutMillis + ", connectionName=" + connectionName;
    }
}
