// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.TransactionManager;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * An order as an application places it: one row through a non-XA PostgreSQL pool and three persistent messages
 * through the confirmed pool, inside a container transaction or without one. Resources are looked up on use, so that
 * a war without the database (the soak's) still deploys.
 */
@Stateless
public class BenchOrders {

    /** The JNDI name of the orders' non-XA pool. */
    public static final String DATA_SOURCE = "java:app/jdbc/bench-orders";
    /** The orders' table. */
    public static final String TABLE = "bench_orders";
    /** Messages per order. */
    public static final int MESSAGES = 3;
    /** Payara's transaction manager: only the XA-cost row needs it, to enlist a resource by hand. */
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    /** In a container transaction: the messages leave, confirmed, just before the row commits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void inTransaction(String queue, byte[] body) throws Exception {
        insertAndPublish(queue, body);
    }

    /**
     * As {@link #inTransaction}, with an XA resource that does no work enlisted too: what enlisting the pool as an
     * XA resource would add to every such transaction (two phases, the JDBC pool committing last, a logged decision).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void inTransactionWithAnXaResource(String queue, byte[] body) throws Exception {
        TransactionManager manager = InitialContext.doLookup(TRANSACTION_MANAGER);
        manager.getTransaction().enlistResource(new NoWorkXaResource());
        insertAndPublish(queue, body);
    }

    /** Without a transaction: the row commits on its own, each message leaves confirmed at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void withoutTransaction(String queue, byte[] body) throws Exception {
        insertAndPublish(queue, body);
    }

    private static void insertAndPublish(String queue, byte[] body) throws Exception {
        try (Connection connection = BenchOrders.<DataSource>lookup(DATA_SOURCE).getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                     + " (body_bytes) VALUES (?)")) {
            insert.setInt(1, body.length);
            insert.executeUpdate();
        }
        try (RabbitConnection connection = BenchOrders.<RabbitConnectionFactory>lookup(
                BenchPublisher.CONFIRMED).getConnection()) {
            for (int i = 0; i < MESSAGES; i++) {
                connection.publish("", queue, BenchPublisher.PERSISTENT, body);
            }
        }
    }

    private static <T> T lookup(String jndiName) throws NamingException {
        return InitialContext.doLookup(jndiName);
    }
}
