// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.it.beans.SlowListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shutting the server down while a message-driven bean works loses nothing: afterwards every message is either
 * processed (its marker exists) or back in its queue (or its retry queue, when the shutdown failed its try), so none
 * was acknowledged without being processed.
 */
@ExtendWith(RabbitNodeExtension.class)
class ServerShutdownLosesNothingIT {

    private static final int MESSAGES = 200;

    @Test
    void shuttingTheServerDownMidWayLosesNothingAndAcknowledgesNothingUnprocessed(RabbitNode node) throws Exception {
        BrokerClient.declareEmpty(node, SlowListener.QUEUE, null);
        BrokerClient.declareEmpty(node, SlowListener.DONE, null);

        String log;
        try (ProbedServer server = ProbedServer.named("undeploy").adapterPort(node.amqpPort())
                .pools(List.of(ProbedServer.probePool())).beans(SlowListener.class).start()) {
            BrokerClient.publish(node, SlowListener.QUEUE, "slow", MESSAGES, i -> null);
            int started = Poll.until(Duration.ofMinutes(1), () -> node.queueMessageCount(SlowListener.DONE),
                    done -> done >= 10);
            assertTrue(started >= 10, "the bean is working: " + started);
            server.close();
            log = server.log();
        }

        // A try that failed in the shutdown waits in a retry queue and returns to the queue when its delay ends:
        // wait for that before reading the queue, or a message moving between the two is missed.
        int retrying = Poll.until(Duration.ofSeconds(30), () -> retryQueueMessages(node), count -> count == 0);
        assertEquals(0, retrying, "messages still in retry queues");
        Set<String> processed = ids(BrokerClient.drain(node, SlowListener.DONE));
        Set<String> waiting = ids(BrokerClient.drain(node, SlowListener.QUEUE));
        Set<String> accountedFor = new HashSet<>(processed);
        accountedFor.addAll(waiting);
        Set<String> processedAndRequeued = new HashSet<>(processed);
        processedAndRequeued.retainAll(waiting);
        System.out.printf("shutdown mid-way: %d processed, %d back in the queue, %d both (processed, not "
                + "acknowledged)%n", processed.size(), waiting.size(), processedAndRequeued.size());
        assertAll(() -> assertEquals(MESSAGES, accountedFor.size(), "every message processed or still queued"),
                () -> assertFalse(waiting.isEmpty(), "the shutdown came before the end"),
                () -> assertEquals(Set.of(), processedAndRequeued, "deliveries that finished during the shutdown "
                        + "were acknowledged before the channel closed"),
                () -> assertTrue(log.contains("stopped consuming queue '" + SlowListener.QUEUE + "'"),
                        "one line says the bean stopped at shutdown"));
    }

    private static int retryQueueMessages(RabbitNode node) {
        return node.queueCounts("messages").entrySet().stream()
                .filter(queue -> queue.getKey().startsWith(SlowListener.QUEUE + ".retry."))
                .mapToInt(queue -> queue.getValue().get(0)).sum();
    }

    private static Set<String> ids(List<GetResponse> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(message -> ids.add(message.getProps().getMessageId()));
        return ids;
    }
}
