// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.Test;
import org.rabbitjca.it.beans.CountingListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.EjbJarXml;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitCluster;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.ConnectorPool;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A three-node cluster loses the node the adapter is connected to (kill -9) while a bean publishes with confirms to
 * a quorum queue and a message-driven bean consumes another: publishing resumes on a surviving node within the
 * backoff cap, every confirmed message is in the queue afterwards, and the bean gets every message. The adapter
 * lists the nodes in order without shuffling, so both its connections start on the node that is killed.
 */
class ClusterNodeLossIT {

    private static final String PUBLISHED = "it.failover.published";
    private static final String POOL = "java:app/rabbitmq/failover";

    @Test
    void publishingAndConsumingGoOnAfterTheConnectedNodeDiesAndNoConfirmedMessageIsLost() throws Exception {
        try (RabbitCluster cluster = RabbitCluster.start(3)) {
            RabbitNode doomed = cluster.nodes().get(0);
            RabbitNode survivor = cluster.nodes().get(1);
            BrokerClient.declareEmpty(survivor, PUBLISHED, Map.of("x-queue-type", "quorum"));
            try (ProbedServer server = ProbedServer.named("cluster-node-loss")
                    .adapterProperties(adapterProperties(cluster))
                    .pools(List.of(ConnectorPool.of("failover", POOL, 4, 10_000,
                            Map.of("confirmTimeoutMillis", "3000"))))
                    .beans(CountingListener.class).ejbJar(EjbJarXml.of(EjbJarXml.overriding("CountingListener",
                            Map.of("queueType", "quorum")))).start()) {
                BrokerClient.publish(survivor, CountingListener.QUEUE, "m", 100, i -> null);
                assertEquals(100, distinctProcessed(server, 100), "the bean did not consume before the loss");
                assertEquals(doomed.nodeName(), cluster.nodeServing("it-failover (consume)").nodeName());

                CompletableFuture<Map<String, String>> publishing = CompletableFuture.supplyAsync(() -> post(server,
                        "api/connect/steadily?factory=" + POOL + "&queue=" + PUBLISHED + "&millis=20000"));
                int before = Poll.until(Duration.ofSeconds(10), () -> survivor.queueMessageCount(PUBLISHED),
                        count -> count > 50);
                assertTrue(before > 50, "publishing was under way before the loss: " + before + " stored");
                assertEquals(doomed.nodeName(), cluster.nodeServing("it-failover (publish)").nodeName());
                doomed.kill9();
                // The survivor nacks while the bean's queue elects a new leader: publish again until confirmed.
                assertTrue(Poll.until(Duration.ofSeconds(30), () -> publishedAfterLoss(survivor), done -> done),
                        "the survivor never confirmed 100 messages for the bean");
                Map<String, String> published = publishing.join();
                long confirmed = Long.parseLong(published.get("confirmed"));
                long failed = Long.parseLong(published.get("failed"));
                long outage = Long.parseLong(published.get("resumedMillis"))
                        - Long.parseLong(published.get("firstFailureMillis"));
                // A quorum queue's count reaches rabbitmqctl with a delay of a few seconds.
                int stored = Poll.until(Duration.ofSeconds(30), () -> survivor.queueMessageCount(PUBLISHED),
                        count -> count >= confirmed);
                int consumed = distinctProcessed(server, 200);
                if (consumed < 200) {
                    server.dumpThreads();
                }
                System.out.printf("node loss: %d confirmed, %d failed, publishing resumed %d ms after the first "
                        + "failure (%s); %d stored in the quorum queue; the bean processed %d of 200%n", confirmed,
                        failed, outage, published.get("firstFailure"), stored, consumed);

                assertAll(() -> assertTrue(failed > 0, "the loss went unnoticed: " + published),
                        () -> assertTrue(Long.parseLong(published.get("resumedMillis")) > 0,
                                "publishing never resumed: " + published),
                        () -> assertTrue(outage <= 15_000, "publishing resumed only " + outage + " ms later"),
                        () -> assertTrue(stored >= confirmed && stored <= confirmed + failed, stored + " stored for "
                                + confirmed + " confirmed and " + failed + " failed publishes"),
                        () -> assertEquals(200, consumed, "messages the bean processed after the loss"));
            }
        }
    }

    private static boolean publishedAfterLoss(RabbitNode survivor) throws Exception {
        try {
            BrokerClient.publish(survivor, CountingListener.QUEUE, "after", 100, i -> null);
            return true;
        } catch (IOException nacked) {
            return false;
        }
    }

    private static int distinctProcessed(ProbedServer server, int expected) throws Exception {
        return Poll.until(Duration.ofSeconds(60), () -> Integer.parseInt(server.get("api/probe/deliveries?listener="
                + CountingListener.QUEUE).get("distinctProcessed")), count -> count >= expected);
    }

    private static Map<String, String> post(ProbedServer server, String pathAndQuery) {
        try {
            return server.post(pathAndQuery);
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Map<String, String> adapterProperties(RabbitCluster cluster) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("addresses", cluster.addresses());
        properties.put("shuffleAddresses", "false");
        properties.put("reconnectMaxDelayMillis", "2000");
        properties.put("connectionName", "it-failover");
        return properties;
    }
}
