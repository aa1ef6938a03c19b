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
 * The asadmin commands that configure rabbitmq-jca on Payara and GlassFish, in the syntax of the file that holds
 * them: the adapter's configuration must exist before the adapter starts, and the {@code :} and {@code =} inside a
 * property value are escaped as that file's reader wants.
 */
public enum AdminCommands {

    /** Payara Micro's {@code --postbootcommandfile}: a {@code :} in a value is written {@code \:}. */
    POST_BOOT_FILE {
        @Override
        String escape(String value) {
            return value.replace(":", "\\:");
        }
    },
    /**
     * A file for {@code asadmin multimode --file}, which reads a backslash as an escape first: a {@code :} or
     * {@code =} in a value is written {@code \\:} or {@code \\=}.
     */
    ASADMIN_SCRIPT {
        @Override
        String escape(String value) {
            return value.replace(":", "\\\\:").replace("=", "\\\\=");
        }
    };

    /** The name the adapter is deployed under: pools and beans refer to it. */
    public static final String ADAPTER_NAME = "rabbitmq-jca";

    /** @return the value as a property list of this file's commands writes it */
    abstract String escape(String value);

    /**
     * @param rar the rabbitmq-jca.rar to deploy
     * @param properties the adapter's configuration, e.g. {@code addresses}
     * @return the commands, in order: the adapter's configuration, then its deployment
     */
    public List<String> deployAdapter(Path rar, Map<String, String> properties) {
        return List.of("create-resource-adapter-config --property " + propertyList(properties) + " " + ADAPTER_NAME,
                "deploy --type rar --name " + ADAPTER_NAME + " " + rar);
    }

    /**
     * @param pools pools for the server's own configuration (not an application's)
     * @return per pool, the pool and its JNDI resource
     */
    public List<String> serverPools(List<ConnectorPool> pools) {
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
    public String jdbcConnectionPool(JdbcPool pool) {
        return "create-jdbc-connection-pool --datasourceclassname " + pool.dataSourceClass() + " --restype "
                + (pool.xa() ? "javax.sql.XADataSource" : "javax.sql.DataSource") + " --steadypoolsize 0"
                + " --maxpoolsize " + pool.maxPoolSize() + " --property " + propertyList(pool.properties()) + " "
                + pool.name();
    }

    private String propertyList(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> property.getKey() + "=" + escape(property.getValue()))
                .collect(Collectors.joining(":"));
    }
}
