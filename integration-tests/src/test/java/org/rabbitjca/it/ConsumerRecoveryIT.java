// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;
import org.rabbitjca.it.beans.RecoveryListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ClassBroker;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.ServerWithOwnNode;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.Http;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message-driven bean keeps consuming, by itself, through a crash of its broker (kill -9 and restart), the
 * deletion of its queue, and a cut network. Nothing is lost; redeliveries after the crash are counted and reported.
 */
@ServerWithOwnNode
class ConsumerRecoveryIT extends DeployedProbes {

    private static final String QUEUE = RecoveryListener.QUEUE;

    @Test
    void consumptionResumesAfterABrokerCrashAQueueDeletionAndANetworkCut() throws Exception {
        RabbitNode node = ClassBroker.current();
        BrokerClient.publish(node, QUEUE, "rc", 10_000, i -> null);
        Map<String, String> before = awaitProcessed(1_000, Duration.ofMinutes(1));

        node.kill9();
        node.restart();
        Map<String, String> afterCrash = awaitProcessed(10_000, Duration.ofMinutes(3));
        System.out.printf("kill -9 with %s of 10000 processed: all processed again after restart, %s duplicates "
                + "(redelivered %s)%n", before.get("distinctProcessed"), afterCrash.get("duplicates"),
                afterCrash.get("redelivered"));
        assertTrue(Integer.parseInt(before.get("distinctProcessed")) < 10_000, "the crash came mid-way: " + before);
        assertEquals("10000", afterCrash.get("distinctProcessed"), () -> "none lost: " + afterCrash);
        assertQueueDrained(node);

        try (Connection connection = node.newConnectionFactory().newConnection("test-admin");
             Channel channel = connection.createChannel()) {
            channel.queueDelete(QUEUE);
            channel.queueDeclare(QUEUE, true, false, false, null);
        }
        BrokerClient.publish(node, QUEUE, "rc-after-delete", 1_000, i -> null);
        Map<String, String> afterDelete = awaitProcessed(11_000, Duration.ofMinutes(2));
        assertEquals("11000", afterDelete.get("distinctProcessed"), () -> "consuming again: " + afterDelete);
        assertQueueDrained(node);

        BrokerClient.publish(node, QUEUE, "rc-after-cut", 5_000, i -> null);
        Map<String, String> beforeCut = awaitProcessed(12_000, Duration.ofMinutes(1));
        ClassBroker.proxy().cutConnections();
        assertTrue(Integer.parseInt(beforeCut.get("distinctProcessed")) < 16_000, "the cut came mid-way: " + beforeCut);
        Map<String, String> afterCut = awaitProcessed(16_000, Duration.ofMinutes(2));
        assertEquals("16000", afterCut.get("distinctProcessed"), () -> "consuming after the cut: " + afterCut);
        assertQueueDrained(node);
    }

    private Map<String, String> awaitProcessed(int distinct, Duration deadline) throws Exception {
        return Poll.until(deadline, () -> Http.get(base, "api/probe/deliveries?listener=" + QUEUE),
                counts -> Integer.parseInt(counts.get("distinctProcessed")) >= distinct);
    }

    private static void assertQueueDrained(RabbitNode node) throws Exception {
        int left = Poll.until(Duration.ofSeconds(30), () -> node.queueMessageCount(QUEUE), count -> count == 0);
        assertEquals(0, left, "messages left in " + QUEUE + ", ready or unacknowledged");
    }
}
