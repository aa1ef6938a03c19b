// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.it.jms.JmsDeliveries;
import org.rabbitjca.it.jms.JmsLookupListener;
import org.rabbitjca.it.jms.JmsProbe;
import org.rabbitjca.it.jms.JmsRecordingListener;
import org.rabbitjca.it.jms.JmsSender;
import org.rabbitjca.it.jms.NativePeerListener;
import org.rabbitjca.it.jms.UntrustedOrder;
import org.rabbitjca.it.jms.trusted.TrustedOrder;
import org.rabbitjca.it.transactional.Ending;
import org.rabbitjca.testbroker.FaultProxy;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.AdminObject;
import org.rabbitjca.testserver.ConnectorPool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The base of the JMS-face test classes: one server per class, named after it, on the run's shared node, with the
 * probe war's pool, the JMS pool {@value JmsProbe#POOL} ({@value #MAX_POOL_SIZE} channels), the JMS pool
 * {@value #PROXIED} through a fault proxy (confirms waited for 3 s), two admin-object queues, the JMS beans
 * {@link JmsRecordingListener} and {@link JmsLookupListener}, and the native bean {@link NativePeerListener}.
 */
@ExtendWith(RabbitNodeExtension.class)
public abstract class JmsServerTests {

    /** The JMS pool through {@link #proxy}. */
    protected static final String PROXIED = "java:app/jms/proxied";
    /** The proxied pool's confirm timeout. */
    protected static final int PROXIED_CONFIRM_TIMEOUT_MILLIS = 3_000;
    /** The JMS pool's max-pool-size. */
    protected static final int MAX_POOL_SIZE = 8;
    private static final String POOL_CONNECTION = "it-jms (publish)";

    /** The run's shared node. */
    protected static RabbitNode node;
    /** The proxy between {@link #PROXIED} and the node. */
    protected static FaultProxy proxy;
    /** The class's server. */
    protected static ProbedServer server;

    @BeforeAll
    static void startServer(TestInfo test) throws Exception {
        node = RabbitNodeExtension.sharedNode();
        BrokerClient.declareEmpty(node, JmsProbe.ADMIN_QUEUE_NAME, null);
        proxy = FaultProxy.start(node.amqpPort());
        server = ProbedServer.named(test.getTestClass().orElseThrow().getSimpleName()).adapterPort(node.amqpPort())
                .pools(List.of(ProbedServer.probePool(),
                        ConnectorPool.of("jms", JmsProbe.POOL, MAX_POOL_SIZE, 10_000,
                                Map.of("connectionName", "it-jms")).asJms(),
                        ConnectorPool.of("jms-proxied", PROXIED, 2, 10_000, Map.of("addresses", proxy.addresses(),
                                "connectionName", "it-jms-proxied",
                                "confirmTimeoutMillis", String.valueOf(PROXIED_CONFIRM_TIMEOUT_MILLIS))).asJms()))
                .serverPools(List.of(ConnectorPool.of("jms-server-pool", JmsProbe.SERVER_POOL, 4, 10_000,
                        Map.of("connectionName", "it-jms-server")).asJms()))
                .adminObjects(List.of(AdminObject.queue(JmsProbe.ADMIN_QUEUE, JmsProbe.ADMIN_QUEUE_NAME),
                        AdminObject.queue(JmsProbe.LOOKUP_QUEUE, JmsProbe.LOOKUP_QUEUE_NAME)))
                .beans(JmsProbe.class, JmsSender.class, JmsDeliveries.class, JmsRecordingListener.class,
                        JmsLookupListener.class, NativePeerListener.class, TrustedOrder.class, UntrustedOrder.class,
                        Ending.class)
                .start();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** @return the queue, declared durable on the node and emptied */
    protected static String emptyQueue(String queue) throws Exception {
        BrokerClient.declareEmpty(node, queue, null);
        return queue;
    }

    /** @return the bodies as UTF-8 text, in order */
    protected static List<String> bodies(List<GetResponse> messages) {
        return messages.stream().map(message -> new String(message.getBody(), StandardCharsets.UTF_8)).toList();
    }

    /** Asserts that the JMS pool has one connection on the broker, with at most its max-pool-size channels. */
    protected static void assertOneConnectionAndAtMostMaxChannels() {
        List<String> names = node.connectionNames();
        assertEquals(1, names.stream().filter(POOL_CONNECTION::equals).count(),
                () -> "connections of the JMS pool among " + names);
        int channels = node.channelsPerConnection().getOrDefault(POOL_CONNECTION, 0);
        int bound = MAX_POOL_SIZE + ProbedServer.launcher().managedConnectionsBeyondPoolMaximum();
        assertTrue(channels >= 1 && channels <= bound, () -> "channels of the JMS pool: " + channels + " (at most "
                + bound + ", what the server holds beyond the pool's maximum by design included):\n"
                + node.rabbitmqctl("list_channels", "name", "confirm", "messages_unconfirmed",
                "consumer_count"));
    }
}
