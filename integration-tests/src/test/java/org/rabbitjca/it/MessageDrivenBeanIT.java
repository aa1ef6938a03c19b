// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.rabbitjca.it.beans.CountingListener;
import org.rabbitjca.it.beans.OrderedListener;
import org.rabbitjca.it.beans.PoisonListener;
import org.rabbitjca.it.beans.RoutedListener;
import org.rabbitjca.it.beans.TransactedListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.ServerWithSharedNode;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.Http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message-driven beans in Payara Micro fed by queues on the private broker node, each bean configured by its
 * activation properties; messages are published from outside the server, and counted in the beans, in the
 * database and on the broker.
 */
@Portable
@ServerWithSharedNode
class MessageDrivenBeanIT extends DeployedProbes {

    @Test
    void twentyThousandMessagesAreEachProcessedExactlyOnceTenAtATime() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        BrokerClient.publish(node, CountingListener.QUEUE, "tp", 20_000, i -> null);
        BrokerClient.publish(node, CountingListener.QUEUE, "tp-fail", 1,
                i -> Map.of(CountingListener.FAIL_FIRST, true));

        Map<String, String> counts = awaitProcessed(CountingListener.QUEUE, 20_001, Duration.ofMinutes(3));

        assertAll(() -> assertEquals("20001", counts.get("distinctProcessed"), () -> "processed: " + counts),
                () -> assertEquals("0", counts.get("duplicates"), () -> "each exactly once: " + counts),
                () -> assertEquals("20002", counts.get("attempts"), () -> "one retry: " + counts),
                () -> assertTrue(Integer.parseInt(counts.get("maxActive")) > 1, () -> "in parallel: " + counts),
                () -> assertTrue(Integer.parseInt(counts.get("maxActive")) <= 10, () -> "maxConcurrency 10 is the "
                        + "bound: " + counts));
        assertEquals(Map.of("attempts", "2", "processed", "1"), Http.get(base, "api/probe/delivery?listener="
                + CountingListener.QUEUE + "&id=tp-fail-0"), "the message that failed once");
        assertQueueEmpty(node, CountingListener.QUEUE);
    }

    @Test
    void oneAtATimeTheQueueOrderIsKept() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        BrokerClient.publish(node, OrderedListener.QUEUE, "ord", 2_000, i -> null);

        Map<String, String> counts = awaitProcessed(OrderedListener.QUEUE, 2_000, Duration.ofMinutes(2));

        assertAll(() -> assertEquals("2000", counts.get("distinctProcessed"), () -> "processed: " + counts),
                () -> assertEquals("true", counts.get("ordered"), "processed in publish order"));
        assertQueueEmpty(node, OrderedListener.QUEUE);
    }

    @Test
    void poisonMessagesAreDeadLetteredAfterExactlyMaxAttemptsWhileTheOthersFlow() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        BrokerClient.publish(node, PoisonListener.QUEUE, "ps", 1_000,
                i -> i % 10 == 0 ? Map.of(PoisonListener.POISON, true) : null);
        String deadLetters = PoisonListener.QUEUE + ".dlq";

        Map<String, String> counts = awaitProcessed(PoisonListener.QUEUE, 900, Duration.ofMinutes(2));
        int dead = Poll.until(Duration.ofMinutes(1), () -> node.queueMessageCount(deadLetters), n -> n >= 100);

        assertAll(() -> assertEquals("900", counts.get("distinctProcessed"), () -> "processed: " + counts),
                () -> assertEquals("0", counts.get("duplicates"), () -> "processed once: " + counts),
                () -> assertEquals(100, dead, "dead letters"));
        assertEquals(900 + 100 * 3, Integer.parseInt(Http.get(base, "api/probe/deliveries?listener="
                + PoisonListener.QUEUE).get("attempts")), "tries: 1 per good message, 3 per poison message");
        List<GetResponse> letters = BrokerClient.drain(node, deadLetters);
        assertEquals(100, letters.size());
        for (GetResponse letter : letters) {
            Map<String, Object> headers = letter.getProps().getHeaders();
            String id = letter.getProps().getMessageId();
            assertAll(() -> assertEquals(0, Integer.parseInt(id.substring(3)) % 10, "only poison: " + id),
                    () -> assertEquals(3, ((Number) headers.get("x-rabbitjca-attempts")).intValue(), id),
                    () -> assertTrue(String.valueOf(headers.get("x-rabbitjca-failure"))
                            .contains("IllegalArgumentException: cannot process " + id), () -> headers.toString()),
                    () -> assertEquals(PoisonListener.QUEUE,
                            String.valueOf(headers.get("x-rabbitjca-original-queue"))));
        }
        assertQueueEmpty(node, PoisonListener.QUEUE);
        assertQueueEmpty(node, PoisonListener.QUEUE + ".retry.50ms");
        assertQueueEmpty(node, PoisonListener.QUEUE + ".retry.100ms");
    }

    @Test
    void aTransactedDeliveryCommitsWithItsRowAndComesBackWithoutItOnRollback() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        BrokerClient.publish(node, TransactedListener.QUEUE, "tx", 100, i -> null);
        BrokerClient.publish(node, TransactedListener.QUEUE, "txonce", 1,
                i -> Map.of(TransactedListener.ROLLBACK_FIRST, true));
        BrokerClient.publish(node, TransactedListener.QUEUE, "txalways", 1,
                i -> Map.of(TransactedListener.ROLLBACK_ALWAYS, true));
        String deadLetters = TransactedListener.QUEUE + ".dlq";

        Map<String, String> counts = awaitProcessed(TransactedListener.QUEUE, 101, Duration.ofMinutes(2));
        int dead = Poll.until(Duration.ofMinutes(1), () -> node.queueMessageCount(deadLetters), n -> n >= 1);

        assertAll(() -> assertEquals("101", counts.get("distinctProcessed"), () -> "committed: " + counts),
                () -> assertEquals(1, dead, "the message rolled back every time is dead-lettered"),
                () -> assertEquals("100", rows("tx-")), () -> assertEquals("1", rows("txonce-")),
                () -> assertEquals("0", rows("txalways-")),
                () -> assertEquals("2", delivery(TransactedListener.QUEUE, "txonce-0").get("attempts")),
                () -> assertEquals("3", delivery(TransactedListener.QUEUE, "txalways-0").get("attempts")));
        assertQueueEmpty(node, TransactedListener.QUEUE);
    }

    @Test
    void theAdapterDeclaresAQuorumQueueBoundToATopicExchangeFromTheActivationConfig() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        try (Connection connection = node.newConnectionFactory().newConnection("test-publisher");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            int sequence = 0;
            for (String routingKey : List.of("orders.eu.new", "orders.asia.new", "orders.us.paid")) {
                channel.basicPublish(RoutedListener.EXCHANGE, routingKey, new AMQP.BasicProperties.Builder()
                        .messageId(routingKey + "-" + sequence++).build(), new byte[0]);
            }
            channel.waitForConfirmsOrDie(10_000);
        }

        Map<String, String> counts = awaitProcessed(RoutedListener.QUEUE, 2, Duration.ofSeconds(30));

        assertEquals("2", counts.get("distinctProcessed"), () -> "bound keys only: " + counts);
        assertEquals(Map.of("attempts", "0", "processed", "0"), delivery(RoutedListener.QUEUE, "orders.asia.new-1"));
        assertTrue(node.rabbitmqctl("list_queues", "--no-table-headers", "name", "type")
                .lines().anyMatch(line -> line.matches(RoutedListener.QUEUE.replace(".", "\\.") + "\\s+quorum")),
                "the queue is a quorum queue");
    }

    private Map<String, String> awaitProcessed(String listener, int distinct, Duration deadline) throws Exception {
        return Poll.until(deadline, () -> Http.get(base, "api/probe/deliveries?listener=" + listener),
                counts -> Integer.parseInt(counts.get("distinctProcessed")) >= distinct);
    }

    private String rows(String prefix) throws Exception {
        return Http.get(base, "api/probe/rows?prefix=" + prefix).get("rows");
    }

    private Map<String, String> delivery(String listener, String id) throws Exception {
        return Http.get(base, "api/probe/delivery?listener=" + listener + "&id=" + id);
    }

    private static void assertQueueEmpty(RabbitNode node, String queue) throws Exception {
        int left = Poll.until(Duration.ofSeconds(30), () -> node.queueMessageCount(queue), count -> count == 0);
        assertEquals(0, left, "messages left in " + queue + ", ready or unacknowledged");
    }
}
