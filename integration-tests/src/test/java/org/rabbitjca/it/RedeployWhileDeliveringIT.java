// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.it.beans.SlowTransactedListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.ConnectorPool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redeploying an application while its transacted bean works (on Payara Micro, its hot deploy of an exploded war):
 * the container rolls back the transactions that end during the undeploy, and those deliveries go back to the queue
 * without counting a failed try; afterwards the redeployed bean processes every message, none through a retry queue,
 * and the container's refusals to create endpoints during the redeploy stay a handful, not a loop.
 */
@ExtendWith(RabbitNodeExtension.class)
class RedeployWhileDeliveringIT {

    private static final int MESSAGES = 50;

    @Test
    void aRedeployMidWayCountsNoFailedTryAndLosesNothing(RabbitNode node) throws Exception {
        BrokerClient.declareEmpty(node, SlowTransactedListener.QUEUE, null);
        BrokerClient.declareEmpty(node, SlowTransactedListener.DONE, null);

        boolean rolledBack;
        long refusals;
        List<GetResponse> markers = new ArrayList<>();
        try (ProbedServer server = ProbedServer.named("redeploy").adapterPort(node.amqpPort())
                .serverPools(List.of(ConnectorPool.of("it-markers-pool", SlowTransactedListener.MARKERS, 8, 60_000,
                        Map.of())))
                .beans(SlowTransactedListener.class).redeployable().start()) {
            BrokerClient.publish(node, SlowTransactedListener.QUEUE, "redeploy", MESSAGES, i -> null);
            Poll.until(Duration.ofMinutes(1), () -> node.queueMessageCount(SlowTransactedListener.DONE),
                    done -> done >= 5);
            server.server().redeploy(ProbedServer.APPLICATION, Duration.ofMinutes(1));
            // Settled means acknowledged: nothing left in the queue (ready or unacknowledged) or its retry queues.
            int unsettled = Poll.until(Duration.ofMinutes(3), () -> unsettled(node), count -> count == 0);
            assertEquals(0, unsettled, "messages still in " + SlowTransactedListener.QUEUE + " or its retry queues");
            markers.addAll(BrokerClient.drain(node, SlowTransactedListener.DONE));
            rolledBack = server.server().rolledBackTransactionsAtUndeploy();
            refusals = server.server().endpointRefusals();
        }

        Set<String> ids = new HashSet<>();
        List<String> retried = new ArrayList<>();
        for (GetResponse marker : markers) {
            ids.add(marker.getProps().getMessageId());
            Object failedBefore = marker.getProps().getHeaders().get(SlowTransactedListener.FAILED_BEFORE);
            if (((Number) failedBefore).intValue() > 0) {
                retried.add(marker.getProps().getMessageId());
            }
        }
        System.out.printf("redeploy mid-way: %d calls for %d messages, %d retried, %d endpoint refusals%n",
                markers.size(), ids.size(), retried.size(), refusals);
        assertAll(() -> assertTrue(rolledBack, "the redeploy rolled back transactions under way (else this test "
                        + "proves nothing); log in " + ProbedServer.workDir("redeploy")),
                () -> assertEquals(MESSAGES, ids.size(), "every message processed after the redeploy"),
                () -> assertEquals(List.of(), retried, "deliveries the container rolled back are not failed tries"),
                () -> assertTrue(refusals <= 10, refusals + " endpoint refusals (RAR7004): a loop, not a backoff"));
    }

    /** @return messages in the bean's queue and its retry queues, ready or unacknowledged */
    private static int unsettled(RabbitNode node) {
        return node.queueCounts("messages").entrySet().stream()
                .filter(queue -> queue.getKey().equals(SlowTransactedListener.QUEUE)
                        || queue.getKey().startsWith(SlowTransactedListener.QUEUE + ".retry."))
                .mapToInt(queue -> queue.getValue().get(0)).sum();
    }
}
