// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.wildfly;

import org.rabbitjca.testserver.AdminObject;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.ConnectorPool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The management CLI commands that configure rabbitmq-jca in WildFly's {@code resource-adapters} subsystem: the
 * adapter's configuration under the name of its deployment, and pools and destinations, each a connection
 * definition or admin object with its JNDI name. They run in an embedded (offline) server before WildFly starts.
 */
final class WildFlyCli {

    /** The deployment's name, which the subsystem's entry, the beans' binding and the applications refer to. */
    static final String DEPLOYMENT = "rabbitmq-jca.rar";
    private static final String ADAPTER = "/subsystem=resource-adapters/resource-adapter=" + DEPLOYMENT;
    private static final Map<String, String> MANAGED_CONNECTION_FACTORIES = Map.of(
            ConnectorPool.AMQP, "org.rabbitjca.outbound.RabbitManagedConnectionFactory",
            ConnectorPool.JMS, "org.rabbitjca.jms.JmsManagedConnectionFactory");

    private WildFlyCli() {
    }

    /**
     * @param properties the adapter's configuration, e.g. {@code addresses}
     * @return the subsystem's entry for the deployment and its config properties
     */
    static List<String> adapter(Map<String, String> properties) {
        List<String> commands = new ArrayList<>();
        commands.add(ADAPTER + ":add(archive=" + DEPLOYMENT + ",transaction-support=NoTransaction)");
        properties.forEach((name, value) -> commands.add(ADAPTER + "/config-properties=" + name + ":add(value="
                + quoted(value) + ")"));
        return commands;
    }

    /**
     * @param pools pools for the server's configuration; a name without a {@code java:} scheme is bound under
     *              {@code java:/}, as WildFly requires
     * @return per pool, its connection definition and its properties
     */
    static List<String> serverPools(List<ConnectorPool> pools) {
        List<String> commands = new ArrayList<>();
        pools.forEach(pool -> commands.addAll(pool(pool.name(), jndiName(pool.jndiName()), pool)));
        return commands;
    }

    /**
     * An application's pools and destinations, bound at their {@link Application#serverName server names} under
     * {@code java:/}, for the application to refer to under its own names: a pool an application declares itself
     * ({@code @ConnectionFactoryDefinition}) gets an adapter instance of its own on WildFly, which the subsystem's
     * configuration of the adapter does not reach.
     *
     * @param application the application
     * @return per pool its connection definition, per destination its admin object, with their properties
     */
    static List<String> applicationResources(Application application) {
        List<String> commands = new ArrayList<>();
        for (ConnectorPool pool : application.pools()) {
            commands.addAll(pool(application.name() + "-" + pool.name(), jndiName(application.serverName(pool)),
                    pool));
        }
        for (AdminObject destination : application.adminObjects()) {
            String object = ADAPTER + "/admin-objects=" + application.serverName(destination).replace('/', '-');
            commands.add(object + ":add(class-name=" + destination.className() + ",jndi-name="
                    + quoted(jndiName(application.serverName(destination))) + ")");
            destination.properties().forEach((property, value) -> commands.add(object + "/config-properties="
                    + property + ":add(value=" + quoted(value) + ")"));
        }
        return commands;
    }

    private static List<String> pool(String name, String jndiName, ConnectorPool pool) {
        List<String> commands = new ArrayList<>();
        String definition = ADAPTER + "/connection-definitions=" + name;
        commands.add(definition + ":add(class-name=" + MANAGED_CONNECTION_FACTORIES.get(pool.connectionDefinition())
                + ",jndi-name=" + quoted(jndiName) + ",min-pool-size=0,max-pool-size=" + pool.maxPoolSize()
                + ",blocking-timeout-wait-millis=" + pool.maxWaitMillis() + ",idle-timeout-minutes="
                + Math.max(1, pool.idleTimeoutSeconds() / 60) + ")");
        pool.properties().forEach((property, value) -> commands.add(definition + "/config-properties=" + property
                + ":add(value=" + quoted(value) + ")"));
        return commands;
    }

    /** @return the name WildFly binds a pool or destination under: its own namespaces only take {@code java:} names */
    static String jndiName(String name) {
        return name.startsWith("java:") ? name : "java:/" + name;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
