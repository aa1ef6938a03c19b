// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.rabbitjca.it.transactional.CommitGate;
import org.rabbitjca.it.transactional.Ending;
import org.rabbitjca.it.transactional.OrderRequest;
import org.rabbitjca.it.transactional.OrderRow;
import org.rabbitjca.it.transactional.OrderService;
import org.rabbitjca.it.transactional.RelayListener;
import org.rabbitjca.it.transactional.TimedOutOrder;
import org.rabbitjca.it.transactional.TransactionProbe;
import org.rabbitjca.testbroker.FaultProxy;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.PostgresDatabase;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The server of the transactional-publishing tests: the probe war with the order service of package
 * {@code transactional}, a PostgreSQL database of their own behind a non-XA and an XA pool (and the persistence
 * unit on the non-XA one), and these rabbitmq-jca pools besides the probes' one: {@value #NOT_HELD}
 * ({@code holdUntilCommit=false}), {@value #LIMITED} (3 messages per transaction), {@value #WIDE} (16 channels) and
 * {@value #PROXIED} (through a fault proxy, confirms waited for 3 s).
 */
public final class TransactionalServer {

    /** A pool whose publishes leave at once inside transactions too. */
    public static final String NOT_HELD = "java:app/rabbitmq/not-held";
    /** A pool that holds at most 3 messages per transaction. */
    public static final String LIMITED = "java:app/rabbitmq/limited";
    /** A pool of 16 channels, for 16 callers. */
    public static final String WIDE = "java:app/rabbitmq/wide";
    /** A pool whose connection goes through {@link #proxy()}. */
    public static final String PROXIED = "java:app/rabbitmq/proxied";
    /** The proxied pool's confirm timeout. */
    public static final int PROXIED_CONFIRM_TIMEOUT_MILLIS = 3_000;

    private static final String PERSISTENCE_XML = """
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="orders" transaction-type="JTA">
                <jta-data-source>%s</jta-data-source>
                <class>%s</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
              </persistence-unit>
            </persistence>
            """.formatted(OrderService.NON_XA, OrderRow.class.getName());

    private final ProbedServer server;
    private final PostgresDatabase database;
    private final FaultProxy proxy;

    private TransactionalServer(ProbedServer server, PostgresDatabase database, FaultProxy proxy) {
        this.server = server;
        this.database = database;
        this.proxy = proxy;
    }

    /**
     * Prepares the database (its table emptied) and starts the server against the node.
     *
     * @param name the server's work directory's name
     */
    public static TransactionalServer start(String name, RabbitNode node) throws Exception {
        PostgresDatabase database = PostgresDatabase.prepare("rabbitjca_it", "rabbitjca-it-pw");
        database.execute("CREATE TABLE IF NOT EXISTS " + OrderService.TABLE + " (ref varchar(120) PRIMARY KEY)",
                "TRUNCATE " + OrderService.TABLE, "CREATE TABLE IF NOT EXISTS " + OrderService.DEFERRED_TABLE
                        + " (ref varchar(120) PRIMARY KEY DEFERRABLE INITIALLY DEFERRED)",
                "TRUNCATE " + OrderService.DEFERRED_TABLE);
        FaultProxy proxy = FaultProxy.start(node.amqpPort());
        try {
            ProbedServer server = ProbedServer.named(name).adapterPort(node.amqpPort())
                    .pools(List.of(ProbedServer.probePool(),
                            ProbedServer.pool("not-held", Map.of("holdUntilCommit", "false")),
                            ProbedServer.pool("limited", Map.of("maxMessagesPerTransaction", "3")),
                            ConnectorPool.of("wide", WIDE, 16, 30_000, Map.of("connectionName", "it-wide")),
                            ProbedServer.pool("proxied", Map.of("addresses", proxy.addresses(),
                                    "confirmTimeoutMillis", String.valueOf(PROXIED_CONFIRM_TIMEOUT_MILLIS),
                                    "connectionName", "it-proxied"))))
                    .dataSources(List.of(database.pool("orders-db", OrderService.NON_XA, false, 32),
                            database.pool("orders-xa", OrderService.XA, true, 8)))
                    .libraries(PostgresDatabase.driver()).persistenceXml(PERSISTENCE_XML)
                    .beans(CommitGate.class, Ending.class, OrderRequest.class, OrderRow.class, OrderService.class,
                            OrderService.Placed.class, RelayListener.class, TimedOutOrder.class,
                            TransactionProbe.class)
                    .ejbJar(EjbJarXml.withUsersApplicationExceptions()).jvmOptions("-Xmx768m").start();
            return new TransactionalServer(server, database, proxy);
        } catch (Exception | Error failure) {
            proxy.close();
            throw failure;
        }
    }

    /** @return the probe server */
    public ProbedServer server() {
        return server;
    }

    /** @return the proxy between the {@value #PROXIED} pool and the node */
    public FaultProxy proxy() {
        return proxy;
    }

    /** @return the committed order rows whose key starts with the prefix */
    public long rows(String prefix) throws SQLException {
        return rows(OrderService.TABLE, prefix);
    }

    /** @return the committed rows of the table whose key starts with the prefix */
    public long rows(String table, String prefix) throws SQLException {
        return database.queryLong("SELECT count(*) FROM " + table + " WHERE ref LIKE '" + prefix + "%'");
    }

    /** Writes a row outside the server, e.g. one that an order's row then collides with. */
    public void insertRow(String table, String ref) throws SQLException {
        database.execute("INSERT INTO " + table + " (ref) VALUES ('" + ref + "')");
    }

    /** Stops the server and the proxy. */
    public void close() throws InterruptedException {
        try {
            server.close();
        } finally {
            proxy.close();
        }
    }
}
