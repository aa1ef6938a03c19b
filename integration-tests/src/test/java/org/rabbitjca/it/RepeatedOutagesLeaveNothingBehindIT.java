// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabbitjca.it.beans.RecoveryListener;
import org.rabbitjca.it.beans.SlowSingleListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ClassBroker;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.it.support.ServerWithOwnNode;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.ServerLauncher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outages, repeated, leave nothing behind: after each of five broker crashes (kill -9 and restart), five graceful
 * {@code stop_app}/{@code start_app}s and five closings of every connection by the broker (two of each on the
 * servers other than Payara Micro), the broker holds exactly
 * one channel per message-driven bean on the consume connection, each with its consumer, at most the pool's
 * {@code max-pool-size} channels on the pool's connection, the same connections as before the first outage, and the
 * JVM one amqp-client reader thread per connection. And a bean's {@code maxConcurrency=1} holds while the broker
 * takes its consumer away in the middle of a delivery.
 */
@Portable
@ServerWithOwnNode
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepeatedOutagesLeaveNothingBehindIT extends DeployedProbes {

    private static final String CONSUME_CONNECTION = ProbedServer.ADAPTER_CONNECTION_NAME + " (consume)";
    private static final String POOL_CONNECTION = ProbedServer.PROBE_POOL_CONNECTION_NAME + " (publish)";
    private static final int POOL_MAX = ProbedServer.PROBE_POOL_MAX_SIZE;
    private static final String SINK = "it.outage.sink";
    /** Rounds per kind of outage: five on Payara Micro, two on the other servers, for the build's time budget. */
    private static final int ROUNDS = ServerLauncher.PAYARA_MICRO.equals(ServerLauncher.family()) ? 5 : 2;

    private enum Outage {
        KILL_9("kill -9 and restart") {
            @Override
            void cause(RabbitNode node) {
                node.kill9();
                node.restart();
            }
        },
        STOP_APP("stop_app and start_app") {
            @Override
            void cause(RabbitNode node) {
                node.rabbitmqctl("stop_app");
                node.rabbitmqctl("start_app");
            }
        },
        CONNECTIONS_CLOSED("the broker closing every connection") {
            @Override
            void cause(RabbitNode node) {
                node.rabbitmqctl("close_all_connections", "outage-by-test");
            }
        };

        private final String description;

        Outage(String description) {
            this.description = description;
        }

        abstract void cause(RabbitNode node);
    }

    /** What the broker and the JVM hold once the adapter publishes and consumes again. */
    private record Held(Map<String, List<Integer>> consumersPerChannel, List<String> connections, int threads,
                        int amqpConnectionThreads) {

        List<Integer> on(String connection) {
            return consumersPerChannel.getOrDefault(connection, List.of());
        }
    }

    /**
     * How long publishing and consuming may take to come back after the broker accepts connections again: the
     * default reconnectMaxDelayMillis (one backoff step at most), plus reconnecting and resubscribing.
     */
    private static final long RECOVERY_BOUND_MILLIS = 30_000 + 5_000;

    /** How long after the broker was back the pool first published and the bean first received. */
    private record Recovery(long publishMillis, long deliveryMillis) {
    }

    private int published;

    @Test
    @Order(1)
    void everyOutageKindFiveTimesLeavesOneChannelPerConsumerAndAtMostThePoolSize() throws Exception {
        RabbitNode node = ClassBroker.current();
        BrokerClient.declareEmpty(node, SINK, null);
        Held before = settle(node, "before", held -> !held.on(CONSUME_CONNECTION).isEmpty()
                && held.on(CONSUME_CONNECTION).stream().allMatch(count -> count == 1));
        List<Integer> consumers = before.on(CONSUME_CONNECTION);
        assertTrue(!consumers.isEmpty() && consumers.stream().allMatch(count -> count == 1),
                () -> "before any outage, every channel of the consume connection has its consumer: " + before);

        for (Outage outage : Outage.values()) {
            for (int round = 1; round <= ROUNDS; round++) {
                outage.cause(node);
                String label = outage.name() + "-" + round;
                Recovery recovery = awaitPublishingAndConsuming(node, label);
                System.out.printf("after %s #%d: first publish %d ms, first delivery %d ms after the broker was "
                        + "back%n", outage.description, round, recovery.publishMillis(), recovery.deliveryMillis());
                assertTrue(recovery.publishMillis() <= RECOVERY_BOUND_MILLIS
                                && recovery.deliveryMillis() <= RECOVERY_BOUND_MILLIS,
                        () -> label + ": publishing and consuming back within " + RECOVERY_BOUND_MILLIS + " ms: "
                                + recovery);
                Held after = settle(node, label, held -> held.on(CONSUME_CONNECTION).equals(consumers)
                        && held.on(POOL_CONNECTION).size() <= POOL_MAX);
                System.out.printf("after %s #%d: %s%n", outage.description, round, after);
                assertEquals(consumers, after.on(CONSUME_CONNECTION),
                        () -> label + ": one channel per bean on the consume connection, each consuming: " + after);
                assertTrue(after.on(POOL_CONNECTION).size() <= POOL_MAX,
                        () -> label + ": at most max-pool-size channels on the pool's connection: " + after);
                assertEquals(sorted(before.connections()), sorted(after.connections()),
                        () -> label + ": the same connections as before the first outage: " + after);
                assertEquals(after.connections().size(), after.amqpConnectionThreads(),
                        () -> label + ": one amqp-client reader thread per connection: " + after);
                assertTrue(after.threads() <= before.threads() + 20,
                        () -> label + ": the JVM's threads stay near their count before the outages ("
                                + before.threads() + "): " + after);
            }
        }
    }

    /**
     * The broker closes the consume connection while a transacted {@code maxConcurrency=1} bean is inside a
     * 6-second {@code onMessage}; the adapter consumes again about a second later, and the redelivered copy must
     * wait until the first call ended.
     */
    @Test
    @Order(2)
    void maxConcurrencyHoldsWhileTheBrokerTakesTheConsumerAwayMidDelivery() throws Exception {
        RabbitNode node = ClassBroker.current();
        String queue = SlowSingleListener.QUEUE;
        BrokerClient.publish(node, queue, "single", 1, i -> null);
        Map<String, String> started = Poll.until(Duration.ofSeconds(30), () -> counts(queue),
                counts -> Integer.parseInt(counts.get("attempts")) >= 1);
        assertTrue(Integer.parseInt(started.get("attempts")) >= 1, () -> "the bean was working: " + started);

        node.rabbitmqctl("close_all_connections", "outage-by-test");
        Map<String, String> counts = Poll.until(Duration.ofSeconds(60), () -> counts(queue),
                seen -> Integer.parseInt(seen.get("attempts")) >= 2 && Integer.parseInt(seen.get("processed")) >= 2);

        assertEquals("2", counts.get("attempts"), () -> "the first try and the redelivered copy ran: " + counts);
        assertEquals("1", counts.get("maxActive"), () -> "never two calls at once with maxConcurrency=1: " + counts);
        int left = Poll.until(Duration.ofSeconds(30), () -> node.queueMessageCount(queue), count -> count == 0);
        assertEquals(0, left, "the redelivered copy was acknowledged");
    }

    /**
     * Publishes one message from outside at once (the broker is back), then polls the pool with single publishes and
     * the bean's count until both work again.
     */
    private Recovery awaitPublishingAndConsuming(RabbitNode node, String label) throws Exception {
        long back = System.nanoTime();
        BrokerClient.publish(node, RecoveryListener.QUEUE, "back-" + label, 1, i -> null);
        published++;
        long[] publishedAt = {-1};
        long[] deliveredAt = {-1};
        Poll.until(Duration.ofMinutes(2), () -> {
            if (publishedAt[0] < 0 && "1".equals(Http.post(base, "api/probe/publish-concurrently?queue=" + SINK
                    + "&threads=1&perThread=1", Duration.ofSeconds(30)).get("confirmed"))) {
                publishedAt[0] = System.nanoTime();
            }
            if (deliveredAt[0] < 0 && Integer.parseInt(counts(RecoveryListener.QUEUE).get("distinctProcessed"))
                    >= published) {
                deliveredAt[0] = System.nanoTime();
            }
            return publishedAt[0] >= 0 && deliveredAt[0] >= 0;
        }, bothBack -> bothBack);
        return new Recovery(millisBetween(back, publishedAt[0]), millisBetween(back, deliveredAt[0]));
    }

    private static long millisBetween(long from, long to) {
        return to < 0 ? Long.MAX_VALUE : Duration.ofNanos(to - from).toMillis();
    }

    /**
     * Waits until the pool publishes again (16 callers at once, so that the pool opens all its channels), the bean
     * consumes again, and what the broker and the JVM hold is as expected or the deadline passed.
     */
    private Held settle(RabbitNode node, String label, Predicate<Held> expected) throws Exception {
        Map<String, String> publishes = Poll.until(Duration.ofMinutes(2),
                () -> Http.post(base, "api/probe/publish-concurrently?queue=" + SINK + "&threads=16&perThread=10",
                        Duration.ofMinutes(2)),
                result -> "0".equals(result.get("failed")));
        assertEquals("160", publishes.get("confirmed"), () -> label + ": the pool publishes again: " + publishes);

        BrokerClient.publish(node, RecoveryListener.QUEUE, "outage-" + label, 50, i -> null);
        published += 50;
        Map<String, String> consumed = Poll.until(Duration.ofMinutes(2), () -> counts(RecoveryListener.QUEUE),
                counts -> Integer.parseInt(counts.get("distinctProcessed")) >= published);
        assertEquals(String.valueOf(published), consumed.get("distinctProcessed"),
                () -> label + ": the bean consumes again: " + consumed);

        return Poll.until(Duration.ofSeconds(20), () -> held(node), expected);
    }

    private Held held(RabbitNode node) throws Exception {
        Map<String, String> threads = Http.get(base, "api/probe/threads");
        return new Held(node.consumersPerChannel(), node.connectionNames(), Integer.parseInt(threads.get("threads")),
                Integer.parseInt(threads.get("amqpConnectionThreads")));
    }

    private Map<String, String> counts(String listener) throws Exception {
        return Http.get(base, "api/probe/deliveries?listener=" + listener);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().collect(Collectors.toList());
    }
}
