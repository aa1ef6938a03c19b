// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;
import org.rabbitjca.it.beans.RecoveryListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ClassBroker;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.Portable;
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
@Portable
@ServerWithOwnNode
class ConsumerRecoveryIT extends DeployedProbes {

    private static final String QUEUE = RecoveryListener.QUEUE;

    @Test
    void consumptionResumesAfterABrokerCrashLosingNothing() throws Exception {
        RabbitNode node = ClassBroker.current();
        int base = processed();
        BrokerClient.publish(node, QUEUE, "rc-crash", 10_000, i -> null);
        int before = distinct(awaitProcessed(base + 1_000, Duration.ofMinutes(1)));

        node.kill9();
        node.restart();
        Map<String, String> afterCrash = awaitProcessed(base + 10_000, Duration.ofMinutes(3));
        System.out.printf("kill -9 with %d of 10000 processed: all processed again after restart, %s duplicates "
                + "(redelivered %s)%n", before - base, afterCrash.get("duplicates"), afterCrash.get("redelivered"));
        assertTrue(before >= base + 1_000 && before < base + 10_000, "the crash came mid-way: " + (before - base));
        assertEquals(base + 10_000, distinct(afterCrash), () -> "none lost: " + afterCrash);
        assertQueueDrained(node);
    }

    @Test
    void consumptionResumesAfterItsQueueIsDeletedAndDeclaredAgain() throws Exception {
        RabbitNode node = ClassBroker.current();
        int base = processed();
        try (Connection connection = node.newConnectionFactory().newConnection("test-admin");
             Channel channel = connection.createChannel()) {
            channel.queueDelete(QUEUE);
            channel.queueDeclare(QUEUE, true, false, false, null);
        }
        BrokerClient.publish(node, QUEUE, "rc-after-delete", 1_000, i -> null);
        Map<String, String> afterDelete = awaitProcessed(base + 1_000, Duration.ofMinutes(2));
        assertEquals(base + 1_000, distinct(afterDelete), () -> "consuming again: " + afterDelete);
        assertQueueDrained(node);
    }

    @Test
    void consumptionResumesAfterANetworkCutLosingNothing() throws Exception {
        RabbitNode node = ClassBroker.current();
        int base = processed();
        BrokerClient.publish(node, QUEUE, "rc-cut", 5_000, i -> null);
        int beforeCut = distinct(awaitProcessed(base + 1_000, Duration.ofMinutes(1)));
        ClassBroker.proxy().cutConnections();
        assertTrue(beforeCut >= base + 1_000 && beforeCut < base + 5_000, "the cut came mid-way: "
                + (beforeCut - base));
        Map<String, String> afterCut = awaitProcessed(base + 5_000, Duration.ofMinutes(2));
        assertEquals(base + 5_000, distinct(afterCut), () -> "consuming after the cut: " + afterCut);
        assertQueueDrained(node);
    }

    private int processed() throws Exception {
        return distinct(Http.get(base, "api/probe/deliveries?listener=" + QUEUE));
    }

    private static int distinct(Map<String, String> counts) {
        return Integer.parseInt(counts.get("distinctProcessed"));
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
