// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.JdbcPool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The asadmin commands that configure rabbitmq-jca on Payara, as Payara Micro's post-boot command file and Payara
 * Server's {@code asadmin} take them: the adapter's configuration must exist before the adapter starts, and a
 * {@code :} inside a property value is written {@code \:}.
 */
public final class AdminCommands {

    /** The name the adapter is deployed under: pools and beans refer to it. */
    public static final String ADAPTER_NAME = "rabbitmq-jca";

    private AdminCommands() {
    }

    /**
     * @param rar the rabbitmq-jca.rar to deploy
     * @param properties the adapter's configuration, e.g. {@code addresses}
     * @return the commands, in order: the adapter's configuration, then its deployment
     */
    public static List<String> deployAdapter(Path rar, Map<String, String> properties) {
        return List.of("create-resource-adapter-config --property " + propertyList(properties) + " " + ADAPTER_NAME,
                "deploy --type rar --name " + ADAPTER_NAME + " " + rar);
    }

    /**
     * @param pools pools for the server's own configuration (not an application's)
     * @return per pool, the pool and its JNDI resource
     */
    public static List<String> serverPools(List<ConnectorPool> pools) {
        List<String> commands = new ArrayList<>();
        for (ConnectorPool pool : pools) {
            commands.add("create-connector-connection-pool --raname " + ADAPTER_NAME + " --connectiondefinition "
                    + pool.connectionDefinition() + " --steadypoolsize 0 --maxpoolsize "
                    + pool.maxPoolSize() + " --maxwait " + pool.maxWaitMillis() + " --idletimeout "
                    + pool.idleTimeoutSeconds()
                    + (pool.properties().isEmpty() ? "" : " --property " + propertyList(pool.properties()))
                    + " " + pool.name());
            commands.add("create-connector-resource --poolname " + pool.name() + " " + pool.jndiName());
        }
        return commands;
    }

    /**
     * @param pool a JDBC pool for the server's own configuration
     * @return the command that creates the pool (its JNDI resource is the caller's)
     */
    public static String jdbcConnectionPool(JdbcPool pool) {
        return "create-jdbc-connection-pool --datasourceclassname " + pool.dataSourceClass() + " --restype "
                + (pool.xa() ? "javax.sql.XADataSource" : "javax.sql.DataSource") + " --steadypoolsize 0"
                + " --maxpoolsize " + pool.maxPoolSize() + " --property " + propertyList(pool.properties()) + " "
                + pool.name();
    }

    /**
     * asadmin's {@code multimode --file} reads a backslash as an escape, Payara Micro's post-boot file does not: a
     * {@code \:} in a property value of the post-boot file is {@code \\:} in asadmin's.
     *
     * @param postBootCommands commands as Payara Micro's post-boot file takes them, e.g. from {@link #deployAdapter}
     * @return the same commands as {@code asadmin multimode --file} takes them
     */
    public static List<String> forMultimode(List<String> postBootCommands) {
        return postBootCommands.stream().map(command -> command.replace("\\:", "\\\\:")).toList();
    }

    private static String propertyList(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> property.getKey() + "="
                + property.getValue().replace(":", "\\:")).collect(Collectors.joining(":"));
    }
}
