// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;
import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.rabbitjca.settings.ConnectionProperty.ADDRESSES;
import static org.rabbitjca.settings.ConnectionProperty.CONNECTION_NAME;
import static org.rabbitjca.settings.ConnectionProperty.CONNECTION_TIMEOUT_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE;
import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE_PASSWORD;
import static org.rabbitjca.settings.ConnectionProperty.KEY_STORE_TYPE;
import static org.rabbitjca.settings.ConnectionProperty.PASSWORD;
import static org.rabbitjca.settings.ConnectionProperty.RECONNECT_INITIAL_DELAY_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.RECONNECT_MAX_DELAY_MILLIS;
import static org.rabbitjca.settings.ConnectionProperty.REQUESTED_HEARTBEAT_SECONDS;
import static org.rabbitjca.settings.ConnectionProperty.SASL_MECHANISM;
import static org.rabbitjca.settings.ConnectionProperty.SHUFFLE_ADDRESSES;
import static org.rabbitjca.settings.ConnectionProperty.TLS_PROTOCOLS;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE_PASSWORD;
import static org.rabbitjca.settings.ConnectionProperty.TRUST_STORE_TYPE;
import static org.rabbitjca.settings.ConnectionProperty.USERNAME;
import static org.rabbitjca.settings.ConnectionProperty.USE_TLS;
import static org.rabbitjca.settings.ConnectionProperty.VERIFY_HOSTNAME;
import static org.rabbitjca.settings.ConnectionProperty.VIRTUAL_HOST;

/**
 * The broker connection properties, declared once and inherited by the resource adapter (server-wide defaults),
 * the managed connection factory (per pool) and the activation spec (per message-driven bean). A property left
 * unset ({@code null}) at one level takes the value of the more general level, then the default in
 * {@link ConnectionSettings} or {@link TlsSettings}. Set by the container from descriptors, before the object is
 * used; not thread-safe.
 *
 * <p>No property has a {@code @ConfigProperty(defaultValue = ...)}, on purpose: the container would then set the
 * default at every level, and a pool or a bean could no longer inherit the adapter's value (unset means inherit).
 * Defaults are applied once, when the levels are resolved, from the {@code DEFAULT_} constants the descriptions
 * quote.
 *
 * <p>Not abstract: Open Liberty reads the defaults of an adapter's config properties by instantiating, with its public
 * no-argument constructor, the {@code @Connector} class and each superclass that declares one, and fails to install
 * the adapter when one of them cannot be instantiated.
 */
public class ConnectionProperties implements Serializable {

    @Serial
    private static final long serialVersionUID = 3L;

    /** The values set at this level; a property not set here is absent. Each value is of its property's type. */
    private final Map<ConnectionProperty, Object> values = new EnumMap<>(ConnectionProperty.class);

    /** @return the broker addresses, or {@code null} when not set at this level */
    public String getAddresses() {
        return get(ADDRESSES);
    }

    /** @param addresses see the description */
    @ConfigProperty(description = "Broker addresses as host[:port], comma-separated for a cluster, e.g. "
            + "'rabbit1:5672,rabbit2:5672'. The port defaults to " + ConnectionSettings.DEFAULT_PORT + ", or "
            + ConnectionSettings.DEFAULT_TLS_PORT + " with useTls. Default: "
            + ConnectionSettings.DEFAULT_ADDRESSES)
    public void setAddresses(String addresses) {
        set(ADDRESSES, addresses);
    }

    /** @return whether addresses are shuffled, or {@code null} when not set at this level */
    public Boolean getShuffleAddresses() {
        return get(SHUFFLE_ADDRESSES);
    }

    /** @param shuffleAddresses see the description */
    @ConfigProperty(description = "Whether each connection tries the addresses in a random order, so that "
            + "the clients of a cluster spread over its nodes; false tries them in the order given. Default: "
            + ConnectionSettings.DEFAULT_SHUFFLE_ADDRESSES)
    public void setShuffleAddresses(Boolean shuffleAddresses) {
        set(SHUFFLE_ADDRESSES, shuffleAddresses);
    }

    /** @return the virtual host, or {@code null} when not set at this level */
    public String getVirtualHost() {
        return get(VIRTUAL_HOST);
    }

    /** @param virtualHost see the description */
    @ConfigProperty(description = "The RabbitMQ virtual host to connect to. Default: "
            + ConnectionSettings.DEFAULT_VIRTUAL_HOST)
    public void setVirtualHost(String virtualHost) {
        set(VIRTUAL_HOST, virtualHost);
    }

    /** @return the user name, or {@code null} when not set at this level */
    public String getUsername() {
        return get(USERNAME);
    }

    /** @param username see the description */
    @ConfigProperty(description = "The user to log in as. Default: " + ConnectionSettings.DEFAULT_USERNAME
            + " (RabbitMQ lets 'guest' log in from localhost only). Ignored with saslMechanism EXTERNAL")
    public void setUsername(String username) {
        set(USERNAME, username);
    }

    /** @return the password, or {@code null} when not set at this level */
    public String getPassword() {
        return get(PASSWORD);
    }

    /** @param password see the description */
    @ConfigProperty(confidential = true, description = "The password of the user. Never logged. On Payara, "
            + "prefer a password alias: ${ALIAS=rabbitmq-password}. Default: " + ConnectionSettings.DEFAULT_PASSWORD)
    public void setPassword(String password) {
        set(PASSWORD, password);
    }

    /** @return the SASL mechanism, or {@code null} when not set at this level */
    public String getSaslMechanism() {
        return get(SASL_MECHANISM);
    }

    /** @param saslMechanism see the description */
    @ConfigProperty(description = "How the adapter logs in: PLAIN (username and password) or EXTERNAL "
            + "(the client certificate of keyStore; needs useTls and the broker's rabbitmq_auth_mechanism_ssl "
            + "plugin). Default: " + ConnectionSettings.DEFAULT_SASL_MECHANISM)
    public void setSaslMechanism(String saslMechanism) {
        set(SASL_MECHANISM, saslMechanism);
    }

    /** @return the requested heartbeat in seconds, or {@code null} when not set at this level */
    public Integer getRequestedHeartbeatSeconds() {
        return get(REQUESTED_HEARTBEAT_SECONDS);
    }

    /** @param requestedHeartbeatSeconds see the description */
    @ConfigProperty(description = "The heartbeat interval in seconds proposed to the broker; a silent peer is "
            + "declared dead after about two intervals. 0 turns heartbeats off (not recommended). Default: "
            + ConnectionSettings.DEFAULT_HEARTBEAT_SECONDS)
    public void setRequestedHeartbeatSeconds(Integer requestedHeartbeatSeconds) {
        set(REQUESTED_HEARTBEAT_SECONDS, requestedHeartbeatSeconds);
    }

    /** @return the connection timeout in milliseconds, or {@code null} when not set at this level */
    public Integer getConnectionTimeoutMillis() {
        return get(CONNECTION_TIMEOUT_MILLIS);
    }

    /** @param connectionTimeoutMillis see the description */
    @ConfigProperty(description = "How long opening a TCP connection and the AMQP handshake may take, in "
            + "milliseconds, before the attempt fails; also bounds every broker operation of the adapter's own "
            + "(declarations, consumer start, channel open and close). Must be positive. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_TIMEOUT_MILLIS)
    public void setConnectionTimeoutMillis(Integer connectionTimeoutMillis) {
        set(CONNECTION_TIMEOUT_MILLIS, connectionTimeoutMillis);
    }

    /** @return the client-provided connection name, or {@code null} when not set at this level */
    public String getConnectionName() {
        return get(CONNECTION_NAME);
    }

    /** @param connectionName see the description */
    @ConfigProperty(description = "The client-provided connection name shown in the RabbitMQ management UI and "
            + "rabbitmqctl list_connections; the adapter appends the role, e.g. 'orders-app (publish)'. Default: "
            + ConnectionSettings.DEFAULT_CONNECTION_NAME)
    public void setConnectionName(String connectionName) {
        set(CONNECTION_NAME, connectionName);
    }

    /** @return the first reconnect delay in milliseconds, or {@code null} when not set at this level */
    public Integer getReconnectInitialDelayMillis() {
        return get(RECONNECT_INITIAL_DELAY_MILLIS);
    }

    /** @param reconnectInitialDelayMillis see the description */
    @ConfigProperty(description = "The wait before the first reconnect attempt after a connection "
            + "failed or was lost, in milliseconds; each next wait doubles (with jitter) up to "
            + "reconnectMaxDelayMillis. While waiting, getConnection() and publish() fail at once, saying since when "
            + "the broker is down and when the next attempt is. Default: " + Backoff.DEFAULT_INITIAL_MILLIS)
    public void setReconnectInitialDelayMillis(Integer reconnectInitialDelayMillis) {
        set(RECONNECT_INITIAL_DELAY_MILLIS, reconnectInitialDelayMillis);
    }

    /** @return the longest reconnect delay in milliseconds, or {@code null} when not set at this level */
    public Integer getReconnectMaxDelayMillis() {
        return get(RECONNECT_MAX_DELAY_MILLIS);
    }

    /** @param reconnectMaxDelayMillis see the description */
    @ConfigProperty(description = "The longest wait between reconnect attempts, in milliseconds; a hard cap "
            + "(jitter only shortens waits at the cap). Default: " + Backoff.DEFAULT_MAX_MILLIS)
    public void setReconnectMaxDelayMillis(Integer reconnectMaxDelayMillis) {
        set(RECONNECT_MAX_DELAY_MILLIS, reconnectMaxDelayMillis);
    }

    /** @return whether TLS is used, or {@code null} when not set at this level */
    public Boolean getUseTls() {
        return get(USE_TLS);
    }

    /** @param useTls see the description */
    @ConfigProperty(description = "Whether to connect with TLS. The server's certificate must be trusted "
            + "(trustStore, else the JVM's default trust) and name the host it is reached by (see verifyHostname). "
            + "Default: " + TlsSettings.DEFAULT_USE_TLS)
    public void setUseTls(Boolean useTls) {
        set(USE_TLS, useTls);
    }

    /** @return the TLS protocols, or {@code null} when not set at this level */
    public String getTlsProtocols() {
        return get(TLS_PROTOCOLS);
    }

    /** @param tlsProtocols see the description */
    @ConfigProperty(description = "The TLS protocol versions the adapter may use, comma-separated. Default: "
            + TlsSettings.DEFAULT_PROTOCOLS)
    public void setTlsProtocols(String tlsProtocols) {
        set(TLS_PROTOCOLS, tlsProtocols);
    }

    /** @return whether the server host name is verified, or {@code null} when not set at this level */
    public Boolean getVerifyHostname() {
        return get(VERIFY_HOSTNAME);
    }

    /** @param verifyHostname see the description */
    @ConfigProperty(description = "Whether the server's certificate must name the host in addresses. "
            + "Turning it off lets anyone with a certificate from a trusted authority pose as the broker; the "
            + "adapter logs a warning when it is off. Default: " + TlsSettings.DEFAULT_VERIFY_HOSTNAME)
    public void setVerifyHostname(Boolean verifyHostname) {
        set(VERIFY_HOSTNAME, verifyHostname);
    }

    /** @return the trust store path, or {@code null} when not set at this level */
    public String getTrustStore() {
        return get(TRUST_STORE);
    }

    /** @param trustStore see the description */
    @ConfigProperty(description = "Path of the key store holding the certificates (or the authority) "
            + "that the broker's certificate must chain to. Default: the JVM's default trust store")
    public void setTrustStore(String trustStore) {
        set(TRUST_STORE, trustStore);
    }

    /** @return the trust store password, or {@code null} when not set at this level */
    public String getTrustStorePassword() {
        return get(TRUST_STORE_PASSWORD);
    }

    /** @param trustStorePassword see the description */
    @ConfigProperty(confidential = true, description = "The password of trustStore. Never logged; on Payara, write "
            + "${ALIAS=...} or ${ENV=...} in a pool created with asadmin. Default: none")
    public void setTrustStorePassword(String trustStorePassword) {
        set(TRUST_STORE_PASSWORD, trustStorePassword);
    }

    /** @return the trust store type, or {@code null} when not set at this level */
    public String getTrustStoreType() {
        return get(TRUST_STORE_TYPE);
    }

    /** @param trustStoreType see the description */
    @ConfigProperty(description = "The type of trustStore, e.g. PKCS12 or JKS. Default: "
            + TlsSettings.DEFAULT_STORE_TYPE)
    public void setTrustStoreType(String trustStoreType) {
        set(TRUST_STORE_TYPE, trustStoreType);
    }

    /** @return the key store path, or {@code null} when not set at this level */
    public String getKeyStore() {
        return get(KEY_STORE);
    }

    /** @param keyStore see the description */
    @ConfigProperty(description = "Path of the key store holding the client certificate and its key, for "
            + "mutual TLS and saslMechanism EXTERNAL. Default: none (no client certificate)")
    public void setKeyStore(String keyStore) {
        set(KEY_STORE, keyStore);
    }

    /** @return the key store password, or {@code null} when not set at this level */
    public String getKeyStorePassword() {
        return get(KEY_STORE_PASSWORD);
    }

    /** @param keyStorePassword see the description */
    @ConfigProperty(confidential = true, description = "The password of keyStore and of the key in it. Never "
            + "logged; on Payara, write ${ALIAS=...} or ${ENV=...} in a pool created with asadmin. Default: none")
    public void setKeyStorePassword(String keyStorePassword) {
        set(KEY_STORE_PASSWORD, keyStorePassword);
    }

    /** @return the key store type, or {@code null} when not set at this level */
    public String getKeyStoreType() {
        return get(KEY_STORE_TYPE);
    }

    /** @param keyStoreType see the description */
    @ConfigProperty(description = "The type of keyStore, e.g. PKCS12 or JKS. Default: "
            + TlsSettings.DEFAULT_STORE_TYPE)
    public void setKeyStoreType(String keyStoreType) {
        set(KEY_STORE_TYPE, keyStoreType);
    }

    /** @return the value set at this level, of the property's type, or {@code null} */
    @SuppressWarnings("unchecked") // set() admits only values of the property's type
    final <T> T get(ConnectionProperty property) {
        return (T) values.get(property);
    }

    private void set(ConnectionProperty property, Object value) {
        if (value == null) {
            values.remove(property);
        } else {
            values.put(property, property.type().cast(value));
        }
    }

    /**
     * @param levels property levels, general first; nulls are skipped
     * @return one level holding, for each property, the value of the most specific level that sets it
     */
    static ConnectionProperties merge(ConnectionProperties... levels) {
        ConnectionProperties merged = new ConnectionProperties();
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

    /** @return the connection properties set at this level, by name, secrets masked, for {@code toString()} */
    protected final String describeConnectionProperties() {
        return values.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().propertyName()))
                .map(entry -> entry.getKey().propertyName() + "=" + (entry.getKey().confidential() ? "****"
                        : entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
