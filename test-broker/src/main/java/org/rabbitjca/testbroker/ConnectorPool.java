// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A connection pool of rabbitmq-jca and its JNDI resource, as a Payara {@code glassfish-resources.xml} declares
 * them: channels opened on demand ({@code steady-pool-size="0"}), the pool's properties as given.
 *
 * @param name the pool's name
 * @param jndiName the JNDI name of its connection factory, e.g. {@code java:app/rabbitmq/orders}
 * @param maxPoolSize the most channels
 * @param maxWaitMillis how long {@code getConnection()} waits for a free channel
 * @param idleTimeoutSeconds after how long an idle channel is closed
 * @param properties the pool's rabbitmq-jca properties
 */
public record ConnectorPool(String name, String jndiName, int maxPoolSize, int maxWaitMillis, int idleTimeoutSeconds,
                            Map<String, String> properties) {

    /** Payara's default {@code idle-timeout-in-seconds}. */
    private static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;

    /** Copies the properties so the record stays immutable. */
    public ConnectorPool {
        properties = Map.copyOf(properties);
    }

    /** @return a pool with Payara's default idle timeout */
    public static ConnectorPool of(String name, String jndiName, int maxPoolSize, int maxWaitMillis,
                                   Map<String, String> properties) {
        return new ConnectorPool(name, jndiName, maxPoolSize, maxWaitMillis, DEFAULT_IDLE_TIMEOUT_SECONDS,
                properties);
    }

    /** @return this pool, closing idle channels after {@code seconds} instead */
    public ConnectorPool withIdleTimeoutSeconds(int seconds) {
        return new ConnectorPool(name, jndiName, maxPoolSize, maxWaitMillis, seconds, properties);
    }

    /**
     * @param pools the pools to declare
     * @return the whole {@code glassfish-resources.xml}
     */
    public static String resourcesXml(List<ConnectorPool> pools) {
        return """
                <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN"
                        "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                <resources>
                %s</resources>
                """.formatted(pools.stream().map(ConnectorPool::xml).collect(Collectors.joining()));
    }

    private String xml() {
        String propertyElements = properties.entrySet().stream().map(property -> "    <property name=\""
                + attribute(property.getKey()) + "\" value=\"" + attribute(property.getValue()) + "\"/>\n")
                .collect(Collectors.joining());
        return """
                  <connector-connection-pool name="%1$s" resource-adapter-name="rabbitmq-jca"
                      connection-definition-name="org.rabbitjca.api.RabbitConnectionFactory"
                      steady-pool-size="0" max-pool-size="%2$d" max-wait-time-in-millis="%3$d"
                      idle-timeout-in-seconds="%4$d">
                %5$s  </connector-connection-pool>
                  <connector-resource jndi-name="%6$s" pool-name="%1$s"/>
                """.formatted(attribute(name), maxPoolSize, maxWaitMillis, idleTimeoutSeconds, propertyElements,
                attribute(jndiName));
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
