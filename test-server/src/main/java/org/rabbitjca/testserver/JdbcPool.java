// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.util.Map;

/**
 * A JDBC connection pool and its JNDI resource, as a test asks for it next to the adapter's pools, whatever the
 * server. The driver is the application's to bring (a library of its archive).
 *
 * @param name the pool's name
 * @param jndiName the JNDI name of its data source, e.g. {@code java:app/jdbc/orders}
 * @param dataSourceClass the driver's data source class, e.g. {@code org.postgresql.ds.PGSimpleDataSource}
 * @param xa whether the class is an {@code XADataSource}, which the transaction manager enlists for two phases
 * @param maxPoolSize the most connections
 * @param properties the data source's properties (server, database, user, password)
 */
public record JdbcPool(String name, String jndiName, String dataSourceClass, boolean xa, int maxPoolSize,
                       Map<String, String> properties) {

    /** Copies the properties so the record stays immutable. */
    public JdbcPool {
        properties = Map.copyOf(properties);
    }
}
