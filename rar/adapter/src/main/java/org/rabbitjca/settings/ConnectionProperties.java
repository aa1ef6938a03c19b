// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The broker connection properties, declared once and inherited by the resource adapter (server-wide defaults),
 * the managed connection factory (per pool) and the activation spec (per message-driven bean). A property left
 * unset ({@code null}) at one level takes the value of the more general level, then the default in
 * {@link ConnectionSettings}. Set by the container from descriptors, before the object is used; not thread-safe.
 */
public abstract class ConnectionProperties implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    /** The properties whose values are secrets: masked wherever properties are described. */
    private static final Set<String> CONFIDENTIAL = Set.of("password", "trustStorePassword", "keyStorePassword");

    /** The values set at this level by property name; a property not set here is absent. */
    private final Map<String, Object> values = new HashMap<>();

    /** @return the broker addresses, or {@code null} when not set at this level */
    public String getAddresses() {
        return (String) values.get("addresses");
    }

    /** @param addresses see the description */
    @ConfigProperty(description = "Broker addresses as host[:port], comma-separated for a cluster, e.g. "
            + "'rabbit1:5672,rabbit2:5672'. The port defaults to 5672, or 5671 with useTls. Default: "
            + ConnectionSettings.DEFAULT_ADDRESSES)
    public void setAddresses(String addresses) {
        set("addresses", addresses);
    }

    /** @return whether addresses are shuffled, or {@code null} when not set at this level */
    public Boolean getShuffleAddresses() {
        return (Boolean) values.get("shuffleAddresses");
    }

    /** @param shuffleAddresses see the description */
    @ConfigProperty(description = "Whether each connection tries the addresses in a random order, so that "
            + "the clients of a cluster spread over its nodes; false tries them in the order given. Default: true")
    public void setShuffleAddresses(Boolean shuffleAddresses) {
        set("shuffleAddresses", shuffleAddresses);
    }

    /** @return the virtual host, or {@code null} when not set at this level */
    public String getVirtualHost() {
        return (String) values.get("virtualHost");
    }

    /** @param virtualHost see the description */
    @ConfigProperty(description = "The RabbitMQ virtual host to connect to. Default: "
            + ConnectionSettings.DEFAULT_VIRTUAL_HOST)
    public void setVirtualHost(String virtualHost) {
        set("virtualHost", virtualHost);
    }

    /** @return the user name, or {@code null} when not set at this level */
    public String getUsername() {
        return (String) values.get("username");
    }

    /** @param username see the description */
    @ConfigProperty(description = "The user to log in as. Default: " + ConnectionSettings.DEFAULT_USERNAME
            + " (RabbitMQ lets 'guest' log in from localhost only). Ignored with saslMechanism EXTERNAL")
    public void setUsername(String username) {
        set("username", username);
    }

    /** @return the password, or {@code null} when not set at this level */
    public String getPassword() {
        return (String) values.get("password");
    }

    /** @param password see the description */
    @ConfigProperty(confidential = true, description = "The password of the user. Never logged. On Payara, "
            + "prefer a password alias: ${ALIAS=rabbitmq-password}. Default: guest")
    public void setPassword(String password) {
        set("password", password);
    }

    /** @return the SASL mechanism, or {@code null} when not set at this level */
    public String getSaslMechanism() {
        return (String) values.get("saslMechanism");
    }

    /** @param saslMechanism see the description */
    @ConfigProperty(description = "How the adapter logs in: PLAIN (username and password) or EXTERNAL "
            + "(the client certificate of keyStore; needs useTls and the broker's rabbitmq_auth_mechanism_ssl "
            + "plugin). Default: PLAIN")
    public void setSaslMechanism(String saslMechanism) {
        set("saslMechanism", saslMechanism);
    }

    /** @return the requested heartbeat in seconds, or {@code null} when not set at this level */
    public Integer getRequestedHeartbeatSeconds() {
        return (Integer) values.get("requestedHeartbeatSeconds");
    }

    /** @param requestedHeartbeatSeconds see the description */
    @ConfigProperty(description = "The heartbeat interval in seconds proposed to the broker; a silent peer is "
            + "declared dead after about two intervals. 0 turns heartbeats off (not recommended). Default: "
            + ConnectionSettings.DEFAULT_HEARTBEAT_SECONDS)
    public void setRequestedHeartbeatSeconds(Integer requestedHeartbeatSeconds) {
        set("requestedHeartbeatSeconds", requestedHeartbeatSeconds);
    }

    /** @return the connection timeout in milliseconds, or {@code null} when not set at this level */
    public Integer getConnectionTimeoutMillis() {
        return (Integer) values.get("connectionTimeoutMillis");
    }

    /** @param connectionTimeoutMillis see the description */
    @ConfigProperty(description = "How long opening a TCP connection and the AMQP handshake may take, in "
            + "milliseconds, before the attempt fails; also bounds every broker operation of the adapter's own "
            + "(declarations, consumer start, channel open and close). Must be positive. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_TIMEOUT_MILLIS)
    public void setConnectionTimeoutMillis(Integer connectionTimeoutMillis) {
        set("connectionTimeoutMillis", connectionTimeoutMillis);
    }

    /** @return the client-provided connection name, or {@code null} when not set at this level */
    public String getConnectionName() {
        return (String) values.get("connectionName");
    }

    /** @param connectionName see the description */
    @ConfigProperty(description = "The client-provided connection name shown in the RabbitMQ management UI and "
            + "rabbitmqctl list_connections; the adapter appends the role, e.g. 'orders-app (publish)'. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_NAME)
    public void setConnectionName(String connectionName) {
        set("connectionName", connectionName);
    }

    /** @return the first reconnect delay in milliseconds, or {@code null} when not set at this level */
    public Integer getReconnectInitialDelayMillis() {
        return (Integer) values.get("reconnectInitialDelayMillis");
    }

    /** @param reconnectInitialDelayMillis see the description */
    @ConfigProperty(description = "The wait before the first reconnect attempt after a connection "
            + "failed or was lost, in milliseconds; each next wait doubles (with jitter) up to "
            + "reconnectMaxDelayMillis. While waiting, getConnection() and publish() fail at once, saying since when "
            + "the broker is down and when the next attempt is. Default: " + Backoff.DEFAULT_INITIAL_MILLIS)
    public void setReconnectInitialDelayMillis(Integer reconnectInitialDelayMillis) {
        set("reconnectInitialDelayMillis", reconnectInitialDelayMillis);
    }

    /** @return the longest reconnect delay in milliseconds, or {@code null} when not set at this level */
    public Integer getReconnectMaxDelayMillis() {
        return (Integer) values.get("reconnectMaxDelayMillis");
    }

    /** @param reconnectMaxDelayMillis see the description */
    @ConfigProperty(description = "The longest wait between reconnect attempts, in milliseconds; a hard cap "
            + "(jitter only shortens waits at the cap). Default: " + Backoff.DEFAULT_MAX_MILLIS)
    public void setReconnectMaxDelayMillis(Integer reconnectMaxDelayMillis) {
        set("reconnectMaxDelayMillis", reconnectMaxDelayMillis);
    }

    /** @return whether TLS is used, or {@code null} when not set at this level */
    public Boolean getUseTls() {
        return (Boolean) values.get("useTls");
    }

    /** @param useTls see the description */
    @ConfigProperty(description = "Whether to connect with TLS. The server's certificate must be trusted "
            + "(trustStore, else the JVM's default trust) and name the host it is reached by (see verifyHostname). "
            + "Default: false")
    public void setUseTls(Boolean useTls) {
        set("useTls", useTls);
    }

    /** @return the TLS protocols, or {@code null} when not set at this level */
    public String getTlsProtocols() {
        return (String) values.get("tlsProtocols");
    }

    /** @param tlsProtocols see the description */
    @ConfigProperty(description = "The TLS protocol versions the adapter may use, comma-separated. Default: "
            + TlsSettings.DEFAULT_PROTOCOLS)
    public void setTlsProtocols(String tlsProtocols) {
        set("tlsProtocols", tlsProtocols);
    }

    /** @return whether the server host name is verified, or {@code null} when not set at this level */
    public Boolean getVerifyHostname() {
        return (Boolean) values.get("verifyHostname");
    }

    /** @param verifyHostname see the description */
    @ConfigProperty(description = "Whether the server's certificate must name the host in addresses. "
            + "Turning it off lets anyone with a certificate from a trusted authority pose as the broker; the "
            + "adapter logs a warning when it is off. Default: true")
    public void setVerifyHostname(Boolean verifyHostname) {
        set("verifyHostname", verifyHostname);
    }

    /** @return the trust store path, or {@code null} when not set at this level */
    public String getTrustStore() {
        return (String) values.get("trustStore");
    }

    /** @param trustStore see the description */
    @ConfigProperty(description = "Path of the key store holding the certificates (or the authority) "
            + "that the broker's certificate must chain to. Default: the JVM's default trust store")
    public void setTrustStore(String trustStore) {
        set("trustStore", trustStore);
    }

    /** @return the trust store password, or {@code null} when not set at this level */
    public String getTrustStorePassword() {
        return (String) values.get("trustStorePassword");
    }

    /** @param trustStorePassword see the description */
    @ConfigProperty(confidential = true, description = "The password of trustStore. Never logged; on Payara, write "
            + "${ALIAS=...} or ${ENV=...} in a pool created with asadmin. Default: none")
    public void setTrustStorePassword(String trustStorePassword) {
        set("trustStorePassword", trustStorePassword);
    }

    /** @return the trust store type, or {@code null} when not set at this level */
    public String getTrustStoreType() {
        return (String) values.get("trustStoreType");
    }

    /** @param trustStoreType see the description */
    @ConfigProperty(description = "The type of trustStore, e.g. PKCS12 or JKS. Default: "
            + TlsSettings.DEFAULT_STORE_TYPE)
    public void setTrustStoreType(String trustStoreType) {
        set("trustStoreType", trustStoreType);
    }

    /** @return the key store path, or {@code null} when not set at this level */
    public String getKeyStore() {
        return (String) values.get("keyStore");
    }

    /** @param keyStore see the description */
    @ConfigProperty(description = "Path of the key store holding the client certificate and its key, for "
            + "mutual TLS and saslMechanism EXTERNAL. Default: none (no client certificate)")
    public void setKeyStore(String keyStore) {
        set("keyStore", keyStore);
    }

    /** @return the key store password, or {@code null} when not set at this level */
    public String getKeyStorePassword() {
        return (String) values.get("keyStorePassword");
    }

    /** @param keyStorePassword see the description */
    @ConfigProperty(confidential = true, description = "The password of keyStore and of the key in it. Never logged; on "
            + "Payara, write ${ALIAS=...} or ${ENV=...} in a pool created with asadmin. Default: none")
    public void setKeyStorePassword(String keyStorePassword) {
        set("keyStorePassword", keyStorePassword);
    }

    /** @return the key store type, or {@code null} when not set at this level */
    public String getKeyStoreType() {
        return (String) values.get("keyStoreType");
    }

    /** @param keyStoreType see the description */
    @ConfigProperty(description = "The type of keyStore, e.g. PKCS12 or JKS. Default: "
            + TlsSettings.DEFAULT_STORE_TYPE)
    public void setKeyStoreType(String keyStoreType) {
        set("keyStoreType", keyStoreType);
    }

    private void set(String property, Object value) {
        if (value == null) {
            values.remove(property);
        } else {
            values.put(property, value);
        }
    }

    /**
     * @param levels property levels, general first; nulls are skipped
     * @return one level holding, for each property, the value of the most specific level that sets it
     */
    static ConnectionProperties merge(ConnectionProperties... levels) {
        ConnectionProperties merged = new ConnectionProperties() { };
        for (ConnectionProperties level : levels) {
            if (level != null) {
                level.overlay(merged);
            }
        }
        return merged;
    }

    /**
     * Names a configuration by what identifies it before it is validated: its connection name and addresses, as
     * the levels set them (defaults where they do not), e.g. {@code "'orders-app' at rabbit1:5672"}. Never shows a
     * secret.
     *
     * @param levels property levels, general first; nulls are skipped
     * @return the description
     */
    public static String describeTarget(ConnectionProperties... levels) {
        ConnectionProperties merged = merge(levels);
        return "'" + Objects.requireNonNullElse(merged.getConnectionName(), ConnectionSettings.DEFAULT_CONNECTION_NAME)
                + "' at " + Objects.requireNonNullElse(merged.getAddresses(), ConnectionSettings.DEFAULT_ADDRESSES);
    }

    /**
     * Copies every property set at this level over {@code target}, leaving the others untouched.
     *
     * @param target the more general level's values, overwritten where this level sets a property
     */
    void overlay(ConnectionProperties target) {
        target.values.putAll(values);
    }

    /**
     * @param other another level's properties
     * @return whether both set the same connection properties (for the {@code equals} the containers require)
     */
    protected final boolean sameConnectionProperties(ConnectionProperties other) {
        return values.equals(other.values);
    }

    /** @return a hash of the connection properties, consistent with {@link #sameConnectionProperties} */
    protected final int connectionPropertiesHash() {
        return values.hashCode();
    }

    /** @return the connection properties set at this level, passwords masked, for {@code toString()} */
    protected final String describeConnectionProperties() {
        return new TreeMap<>(values).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (CONFIDENTIAL.contains(entry.getKey()) ? "****" : entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
