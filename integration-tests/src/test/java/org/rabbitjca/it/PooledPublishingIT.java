// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.Test;
import org.rabbitjca.it.beans.OrderedListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.it.support.ServerWithSharedNode;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.Http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing through the container-pooled factory from EJBs in Payara Micro, counted on the private broker node:
 * confirmed messages all arrive, channels are pooled on one connection, channel errors evict the channel and give
 * the broker's reason, mandatory unroutable messages fail, and the application cannot break a pooled channel.
 */
@ServerWithSharedNode
class PooledPublishingIT extends DeployedProbes {

    /** The probes' pool's max-pool-size. */
    private static final int MAX_POOL_SIZE = ProbedServer.PROBE_POOL_MAX_SIZE;
    /** The probes' pool's connection name, with the role the adapter appends. */
    private static final String POOL_CONNECTION = ProbedServer.PROBE_POOL_CONNECTION_NAME + " (publish)";

    @Test
    @Portable
    void sixteenThreadsPublishEightThousandConfirmedMessagesOnOnePooledConnection() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String queue = "it.publish.concurrent";
        BrokerClient.declareEmpty(node, queue, null);

        Map<String, String> result = Http.post(base, "api/probe/publish-concurrently?queue=" + queue
                + "&threads=16&perThread=500", Duration.ofMinutes(5));

        assertAll(() -> assertEquals("8000", result.get("confirmed"), () -> "confirmed publishes: " + result),
                () -> assertEquals("0", result.get("failed"), () -> "failed publishes: " + result));
        assertEquals(8000, node.queueMessageCount(queue), "messages the broker holds");
        Set<String> expected = new HashSet<>();
        for (int thread = 0; thread < 16; thread++) {
            for (int i = 0; i < 500; i++) {
                expected.add("t" + thread + "-" + i);
            }
        }
        List<String> bodies = BrokerClient.drain(node, queue).stream()
                .map(message -> new String(message.getBody(), StandardCharsets.UTF_8)).toList();
        assertEquals(8000, bodies.size(), "messages drained");
        assertEquals(expected, Set.copyOf(bodies), "message bodies, each exactly once");
        assertPoolUsesOneConnectionAndAtMostMaxChannels(node);
    }

    @Test
    @Portable
    void publishingToAMissingExchangeGivesTheBrokersReasonAndNeverReusesTheChannel() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String queue = "it.publish.after-errors";
        BrokerClient.declareEmpty(node, queue, null);

        Map<String, String> result = Http.post(base, "api/probe/publish-to-missing-exchange?times=1000&queue="
                + queue, Duration.ofMinutes(5));

        assertAll(() -> assertEquals("1000", result.get("channelClosed"), () -> "typed failures: " + result),
                () -> assertEquals("none", result.get("unexpected"), () -> "other outcomes: " + result),
                () -> assertEquals("404 NOT_FOUND - no exchange 'no-such-exchange' in vhost '/'",
                        result.get("firstReason")),
                () -> assertEquals("published", result.get("afterwards")));
        assertEquals(1, node.queueMessageCount(queue), "the publish after the failures reached the queue");
        assertPoolUsesOneConnectionAndAtMostMaxChannels(node);
    }

    @Test
    void asynchronousPublishesAreEachConfirmedEvenAfterTheHandleIsClosed() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String queue = "it.publish.async";
        BrokerClient.declareEmpty(node, queue, null);

        Map<String, String> result = Http.post(base, "api/probe/publish-async?queue=" + queue + "&count=2000",
                Duration.ofMinutes(2));

        assertAll(() -> assertEquals("2000", result.get("confirmed"), () -> "confirmed: " + result),
                () -> assertEquals("PublishReturnedException", result.get("unroutable")));
        assertEquals(2000, node.queueMessageCount(queue), "messages the broker holds");
    }

    @Test
    void aMandatoryMessageNoQueueTakesFailsAsReturned() throws Exception {
        Map<String, String> result = Http.post(base, "api/probe/publish-unroutable", Duration.ofSeconds(30));

        assertAll(() -> assertEquals("returned", result.get("outcome"), () -> "outcome: " + result),
                () -> assertEquals("312", result.get("replyCode")),
                () -> assertEquals("NO_ROUTE", result.get("replyText")),
                () -> assertEquals("PublishReturnedException", result.get("callerGot"),
                        "the application exception of deploy-descriptors/ejb-jar.xml makes the caller get the "
                                + "typed exception, not an EJBException"));
    }

    @Test
    void theChannelViewRefusesPoolOwnedOperationsAndReportsABrokerRefusal() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String queue = "it.channel-view";
        BrokerClient.declareEmpty(node, queue, null);

        Map<String, String> result = Http.post(base, "api/probe/channel-view?queue=" + queue, Duration.ofSeconds(30));

        for (String operation : List.of("close", "confirmSelect", "txSelect", "basicConsume")) {
            String refusal = result.get("refused." + operation);
            assertTrue(refusal != null && refusal.startsWith("ChannelOperationRefusedException: Channel." + operation
                    + " is not allowed"), () -> operation + " was not refused: " + result);
        }
        assertEquals("0", result.get("declarePassive.messageCount"), "allowed operations go to the channel");
        assertTrue(result.get("afterClose.publish").startsWith("ChannelOperationRefusedException: This "
                + "RabbitConnection is closed"), () -> "publish on a closed handle: " + result);
        assertTrue(result.get("afterClose.view").startsWith("ChannelOperationRefusedException: This "
                + "RabbitConnection is closed"), () -> "channel view of a closed handle: " + result);
        assertTrue(result.get("redeclare").startsWith("406 PRECONDITION_FAILED - inequivalent arg 'x-max-length'"),
                () -> "redeclaring with other arguments: " + result);
        assertEquals("published", result.get("afterwards"));
        assertEquals(1, node.queueMessageCount(queue), "the publish after the refusal reached the queue");
    }

    @Test
    void mandatoryPublishesReachTheAdaptersBeansWithoutTheReturnCorrelationHeader() throws Exception {
        Map<String, String> published = Http.post(base, "api/probe/publish-concurrently?queue="
                + OrderedListener.QUEUE + "&threads=2&perThread=50&mandatory=true", Duration.ofMinutes(1));
        assertEquals("100", published.get("confirmed"), () -> "mandatory publishes confirmed: " + published);

        Map<String, String> counts = Poll.until(Duration.ofSeconds(30), () -> Http.get(base,
                "api/probe/deliveries?listener=" + OrderedListener.QUEUE),
                seen -> Integer.parseInt(seen.get("distinctProcessed")) >= 100);
        assertEquals("100", counts.get("distinctProcessed"), () -> "the bean got them all: " + counts);
        assertEquals("0", counts.get("withPublishHeader"), () -> "x-rabbitjca-publish-seq is stripped: " + counts);
    }

    private static void assertPoolUsesOneConnectionAndAtMostMaxChannels(RabbitNode node) {
        List<String> names = node.connectionNames();
        assertEquals(1, names.stream().filter(POOL_CONNECTION::equals).count(),
                () -> "connections of the pool among " + names);
        int channels = node.channelsPerConnection().getOrDefault(POOL_CONNECTION, 0);
        int bound = MAX_POOL_SIZE + ProbedServer.launcher().managedConnectionsBeyondPoolMaximum();
        assertTrue(channels >= 1 && channels <= bound,
                () -> "channels on the pool's connection: " + channels + ", pool maximum " + MAX_POOL_SIZE
                        + " (and what the server holds beyond, by design, " + bound + " in all):\n"
                        + node.rabbitmqctl("list_channels", "name", "confirm", "messages_unconfirmed",
                        "consumer_count"));
    }
}
