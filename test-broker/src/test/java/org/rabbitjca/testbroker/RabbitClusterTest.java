// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} (run as root): a cluster of three nodes (about 20 s), whose
 * quorum-queue leader is killed and restarted (about 35 s in all).
 */
class RabbitClusterTest {

    private static final Logger LOG = Logger.getLogger(RabbitClusterTest.class.getName());
    private static final String QUEUE = "quorum-survivors";
    private static final int MESSAGES = 100;
    private static final Duration FAIL_OVER = Duration.ofSeconds(30);

    @Test
    void quorumQueueKeepsConfirmedMessagesWhenItsLeaderIsKilledAndTheLeaderRejoins() throws Exception {
        try (RabbitCluster cluster = RabbitCluster.start(3)) {
            List<RabbitNode> nodes = cluster.nodes();
            assertEquals(nodes.get(0).addresses() + "," + nodes.get(1).addresses() + "," + nodes.get(2).addresses(),
                    cluster.addresses());

            try (Connection connection = nodes.get(0).newConnectionFactory()
                    .newConnection(Address.parseAddresses(cluster.addresses()), "quorum-publisher")) {
                assertEquals(connection.getPort(), cluster.nodeServing("quorum-publisher").amqpPort());
                publishConfirmed(connection);
            }
            RabbitNode leader = cluster.queueLeader(QUEUE);

            long killedAt = System.nanoTime();
            leader.kill9();

            RabbitNode survivor = nodes.stream().filter(node -> node != leader).findFirst().orElseThrow();
            Poll.assertEventually(MESSAGES + " messages counted on " + survivor.nodeName(), FAIL_OVER,
                    () -> countOrMinusOne(survivor) == MESSAGES);
            LOG.log(Level.INFO, "{0} messages counted on a survivor {1} ms after the kill", new Object[] {MESSAGES,
                    Duration.ofNanos(System.nanoTime() - killedAt).toMillis()});
            assertNotSame(leader, cluster.queueLeader(QUEUE));
            assertEquals(MESSAGES, consumeAll(survivor));
            assertThrows(RabbitNodeException.class, () -> cluster.nodeServing("quorum-publisher"), "closed");

            leader.restart();
            survivor.rabbitmqctl("await_online_nodes", "3", "--timeout", "10");
        }
    }

    private static void publishConfirmed(Connection connection) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare(QUEUE, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.confirmSelect();
            for (int i = 0; i < MESSAGES; i++) {
                channel.basicPublish("", QUEUE, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        ("message " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(FAIL_OVER.toMillis());
        }
    }

    /** While the survivors elect a leader, the queue may be briefly unlisted. */
    private static int countOrMinusOne(RabbitNode node) {
        try {
            return node.queueMessageCount(QUEUE);
        } catch (RabbitNodeException electing) {
            return -1;
        }
    }

    private static int consumeAll(RabbitNode node) throws Exception {
        try (Connection connection = node.newConnectionFactory().newConnection("quorum-consumer");
                Channel channel = connection.createChannel()) {
            int count = 0;
            while (channel.basicGet(QUEUE, true) != null) {
                count++;
            }
            assertFalse(count > MESSAGES, count + " messages: more than were published");
            return count;
        }
    }
}
