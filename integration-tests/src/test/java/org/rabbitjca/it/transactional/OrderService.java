// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Places orders the way an application does: in one container transaction ({@code REQUIRED}, the default), writes
 * the order's row and publishes its messages, persistent, through a pooled factory, then ends as asked.
 */
@Stateless
public class OrderService {

    /** The non-XA PostgreSQL pool, which the persistence unit uses too. */
    public static final String NON_XA = "java:app/jdbc/orders";
    /** The XA PostgreSQL pool, on the same database. */
    public static final String XA = "java:app/jdbc/orders-xa";
    /** The orders' table. */
    public static final String TABLE = "tx_orders";
    /** A table whose key is checked only when the database commits (a deferred constraint), after the messages. */
    public static final String DEFERRED_TABLE = "tx_deferred";

    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "orders")
    private EntityManager entities;

    @EJB
    private CommitGate gate;

    /**
     * What a placed order's method returned.
     *
     * @param futures the futures of the publishes when {@code publishAsync} was asked for, else none
     * @param doneBeforeCommit how many of them were complete when the method returned, before the commit
     */
    public record Placed(List<CompletableFuture<Void>> futures, long doneBeforeCommit) {
    }

    /** Places the order in the caller's transaction, or a new one. */
    public Placed place(OrderRequest order) throws SQLException, InterruptedException {
        insert(order.dataSource(), order.table(), order.ref());
        List<CompletableFuture<Void>> futures = publish(order);
        if (order.pauseBeforeCommit()) {
            gate.arrive();
        }
        switch (order.ending()) {
            case THROW -> throw new IllegalStateException("the order " + order.ref() + " failed after publishing");
            case ROLLBACK_ONLY -> context.setRollbackOnly();
            case COMMIT -> { }
        }
        return new Placed(futures, futures.stream().filter(CompletableFuture::isDone).count());
    }

    /** Persists the order's row with JPA (flushed at commit), then publishes one message. */
    public void persistThenPublish(String ref, String routingKey) {
        entities.persist(new OrderRow(ref));
        publishOne(routingKey, ref);
    }

    /** Publishes one message, then persists the order's row with JPA (flushed at commit). */
    public void publishThenPersist(String ref, String routingKey) {
        publishOne(routingKey, ref);
        entities.persist(new OrderRow(ref));
    }

    private void publishOne(String routingKey, String ref) {
        try (RabbitConnection connection = factory("java:app/rabbitmq/probe").getConnection()) {
            connection.publish("", routingKey, persistent(), (ref + "-1").getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<CompletableFuture<Void>> publish(OrderRequest order) {
        RabbitConnectionFactory factory = factory(order.pool());
        List<RabbitConnection> handles = new ArrayList<>();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        try {
            for (int h = 0; h < order.handles(); h++) {
                handles.add(factory.getConnection());
            }
            for (int i = 1; i <= order.messages(); i++) {
                RabbitConnection handle = handles.get(i % handles.size());
                byte[] body = (order.ref() + "-" + i).getBytes(StandardCharsets.UTF_8);
                if (order.async()) {
                    futures.add(handle.publishAsync("", order.routingKey(), order.mandatory(), persistent(), body));
                } else {
                    handle.publish("", order.routingKey(), order.mandatory(), persistent(), body);
                }
            }
        } finally {
            handles.forEach(RabbitConnection::close);
        }
        return futures;
    }

    private static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).build();
    }

    /** Writes an order's row over JDBC. */
    static void insert(String dataSource, String table, String ref) throws SQLException {
        try (Connection connection = lookup(dataSource, DataSource.class).getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (ref) VALUES (?)")) {
            insert.setString(1, ref);
            insert.executeUpdate();
        }
    }

    static RabbitConnectionFactory factory(String jndiName) {
        return lookup(jndiName, RabbitConnectionFactory.class);
    }

    private static <T> T lookup(String jndiName, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(jndiName));
        } catch (NamingException missing) {
            throw new IllegalStateException("the war declares no " + jndiName, missing);
        }
    }
}
