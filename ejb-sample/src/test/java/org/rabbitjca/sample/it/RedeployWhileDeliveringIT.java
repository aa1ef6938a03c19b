// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import com.rabbitmq.client.GetResponse;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.sample.it.redeploy.SlowTransactedListener;
import org.rabbitjca.sample.it.support.BrokerClient;
import org.rabbitjca.sample.it.support.Poll;
import org.rabbitjca.sample.it.support.PostBootCommands;
import org.rabbitjca.testbroker.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Redeploying an application while its transacted bean works (Payara Micro's hot deploy of an exploded war): Payara
 * rolls back the transactions that end during the undeploy, and those deliveries go back to the queue without
 * counting a failed try; afterwards the redeployed bean processes every message, none through a retry queue, and
 * the container's refusals to create endpoints during the redeploy stay a handful, not a loop.
 */
@ExtendWith(RabbitNodeExtension.class)
class RedeployWhileDeliveringIT {

    private static final int MESSAGES = 50;

    @Test
    void aRedeployMidWayCountsNoFailedTryAndLosesNothing(RabbitNode node) throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), "redeploy"));
        Path app = workDir.resolve("redeploy-app");
        ShrinkWrap.create(WebArchive.class, "redeploy-app.war").addPackage(SlowTransactedListener.class.getPackage())
                .as(ExplodedExporter.class).exportExplodedInto(app.toFile());
        // Present from the start, so that Micro's hot deploy has seen it and takes the touch below as a change.
        Path reload = Files.writeString(app.resolve(".reload"), "deployed");
        List<String> commands = new ArrayList<>(PostBootCommands.commands(node.amqpPort()));
        commands.add("create-connector-connection-pool --raname rabbitmq-jca --connectiondefinition "
                + "org.rabbitjca.api.RabbitConnectionFactory --maxpoolsize 8 it-markers-pool");
        commands.add("create-connector-resource --poolname it-markers-pool " + SlowTransactedListener.MARKERS);
        BrokerClient.declareEmpty(node, SlowTransactedListener.QUEUE, null);
        BrokerClient.declareEmpty(node, SlowTransactedListener.DONE, null);

        String log;
        List<GetResponse> markers = new ArrayList<>();
        try (PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(
                Path.of(System.getProperty("payara.micro.jar")), workDir, commands, List.of(app), Duration.ofMinutes(3), List.of(), Map.of(), List.of("--hotdeploy"))) {
            BrokerClient.publish(node, SlowTransactedListener.QUEUE, "redeploy", MESSAGES, i -> null);
            Poll.until(Duration.ofMinutes(1), () -> node.queueMessageCount(SlowTransactedListener.DONE),
                    done -> done >= 5);
            // Micro's hot deploy compares the file's time with the one it saw last; should it miss a touch, touch it
            // again, but only when no redeploy followed within 10 s.
            for (int touch = 0; touch < 6 && deployments(micro) < 2; touch++) {
                Files.writeString(reload, String.valueOf(System.nanoTime()));
                Poll.until(Duration.ofSeconds(10), () -> deployments(micro), deployments -> deployments >= 2);
            }
            assertTrue(deployments(micro) >= 2, "Payara Micro did not redeploy the application");
            // Settled means acknowledged: nothing left in the queue (ready or unacknowledged) or its retry queues.
            int unsettled = Poll.until(Duration.ofMinutes(3), () -> unsettled(node), count -> count == 0);
            assertEquals(0, unsettled, "messages still in " + SlowTransactedListener.QUEUE + " or its retry queues");
            markers.addAll(BrokerClient.drain(node, SlowTransactedListener.DONE));
            log = micro.log();
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
        long refusals = log.lines().filter(line -> line.contains("RAR7004")).count();
        System.out.printf("redeploy mid-way: %d calls for %d messages, %d retried, %d endpoint refusals%n",
                markers.size(), ids.size(), retried.size(), refusals);
        assertAll(() -> assertTrue(log.contains("Marking Tx for rollback"), "the redeploy rolled back transactions "
                        + "under way (else this test proves nothing); log in " + workDir),
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

    /** @return how many times the application was deployed so far */
    private static int deployments(PayaraMicroProcess micro) throws Exception {
        return micro.log().split("redeploy-app was successfully deployed", -1).length - 1;
    }
}
