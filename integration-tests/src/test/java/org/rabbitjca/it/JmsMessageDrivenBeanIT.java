// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.rabbitjca.it.jms.JmsProbe;
import org.rabbitjca.it.jms.JmsRecordingListener;
import org.rabbitjca.it.jms.NativePeerListener;
import org.rabbitjca.it.jms.UntrustedOrder;
import org.rabbitjca.it.jms.trusted.TrustedOrder;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.JmsServerTests;
import org.rabbitjca.testbroker.Poll;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JMS message-driven beans fed by RabbitMQ through the adapter's own consumer, next to a native bean on the same
 * adapter: what plain AMQP publishers and the JMS face send arrives with its headers mapped, a failing message is
 * tried again and dead-lettered after {@code maxAttempts}, a Java-serialized body is read only for trusted classes,
 * and after the broker closed every connection, three times, both faces work with nothing left behind. Counted on
 * the broker and in what the beans recorded.
 */
@Portable
class JmsMessageDrivenBeanIT extends JmsServerTests {

    private static final String QUEUE = JmsRecordingListener.QUEUE;
    private static final String DEAD_LETTERS = QUEUE + ".dlq";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The default reconnectMaxDelayMillis (one backoff step at most), plus reconnecting and resubscribing. */
    private static final Duration RECOVERY = Duration.ofSeconds(35);

    @Test
    void aPlainAmqpTextMessageArrivesAsATextMessageWithItsPropertiesAsJmsHeaders() throws Exception {
        long timestamp = System.currentTimeMillis() / 1000 * 1000;
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("raw-text-1")
                .contentType("text/plain; charset=utf-8").correlationId("corr-7").replyTo("it.jms.replies")
                .deliveryMode(2).priority(6).timestamp(new Date(timestamp)).expiration("60000").type("order.created")
                .headers(Map.of("region", "eu", "lines", 42, "urgent", true, "x-not-an-identifier", "skipped"))
                .build();

        BrokerClient.publish(node, QUEUE, properties, "grüße".getBytes(StandardCharsets.UTF_8));

        Map<String, String> got = receivedOnce("raw-text-1");
        assertAll(() -> assertEquals("text", got.get("0.kind")),
                () -> assertEquals("grüße", got.get("0.text")),
                () -> assertEquals("corr-7", got.get("0.correlationId")),
                () -> assertEquals("order.created", got.get("0.type")),
                () -> assertEquals("2", got.get("0.deliveryMode"), "PERSISTENT"),
                () -> assertEquals("6", got.get("0.priority")),
                () -> assertEquals(String.valueOf(timestamp), got.get("0.timestamp")),
                () -> assertEquals(String.valueOf(timestamp + 60_000), got.get("0.expiration")),
                () -> assertEquals("false", got.get("0.redelivered")),
                () -> assertEquals("1", got.get("0.deliveryCount")),
                () -> assertEquals(QUEUE, got.get("0.destination")),
                () -> assertEquals("it.jms.replies", got.get("0.replyTo")),
                () -> assertEquals("eu:String", got.get("0.p.region")),
                () -> assertEquals("42:Integer", got.get("0.p.lines")),
                () -> assertEquals("true:Boolean", got.get("0.p.urgent")),
                () -> assertEquals(null, got.get("0.p.x-not-an-identifier")),
                () -> assertEquals("false", got.get("0.writable"), "a received message is read-only"));
    }

    @Test
    void aPlainAmqpBinaryMessageArrivesAsABytesMessageWithJmsDefaults() throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("raw-bytes-1").build();

        BrokerClient.publish(node, QUEUE, properties, new byte[] {0, 1, (byte) 0xfe});

        Map<String, String> got = receivedOnce("raw-bytes-1");
        assertAll(() -> assertEquals("bytes", got.get("0.kind")),
                () -> assertEquals("0001fe", got.get("0.bytes")),
                () -> assertEquals("1", got.get("0.deliveryMode"), "NON_PERSISTENT"),
                () -> assertEquals("4", got.get("0.priority"), "the JMS default"),
                () -> assertEquals("null", got.get("0.correlationId")));
    }

    @Test
    void whatTheJmsFaceSendsArrivesIntactInBothKindsOfBean() throws Exception {
        Map<String, String> toJms = server.post("api/jms/send-headers?queue=" + QUEUE);
        Map<String, String> toNative = server.post("api/jms/send-headers?queue=" + NativePeerListener.QUEUE);

        Map<String, String> jms = receivedOnce(toJms.get("textMessageId"));
        assertAll(() -> assertEquals("text", jms.get("0.kind")),
                () -> assertEquals("héllo", jms.get("0.text")),
                () -> assertEquals("corr-1", jms.get("0.correlationId")),
                () -> assertEquals("order.created", jms.get("0.type")),
                () -> assertEquals("7", jms.get("0.priority")),
                () -> assertEquals(toJms.get("timestamp"), jms.get("0.timestamp")),
                () -> assertEquals("eu:String", jms.get("0.p.region")),
                () -> assertEquals("42:Integer", jms.get("0.p.lines")),
                () -> assertEquals("true:Boolean", jms.get("0.p.urgent")));
        Map<String, String> nativeBean = Poll.until(DEADLINE, () -> server.get("api/jms/received?queue="
                + NativePeerListener.QUEUE + "&messageId=" + toNative.get("textMessageId")),
                answer -> "1".equals(answer.get("count")));
        assertAll(() -> assertEquals(HexFormat.of().formatHex("héllo".getBytes(StandardCharsets.UTF_8)),
                        nativeBean.get("0.bytes"), nativeBean::toString),
                () -> assertEquals("text/plain; charset=utf-8", nativeBean.get("0.contentType")));
    }

    @Test
    void aFailingMessageIsTriedAgainAsRedeliveredThenDeadLettered() throws Exception {
        BrokerClient.declareEmpty(node, DEAD_LETTERS, null);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("fail-1")
                .contentType("text/plain").build();

        BrokerClient.publish(node, QUEUE, properties, "fail, please".getBytes(StandardCharsets.UTF_8));

        List<GetResponse> dead = Poll.until(DEADLINE, () -> BrokerClient.drain(node, DEAD_LETTERS),
                messages -> !messages.isEmpty());
        Map<String, String> tries = server.get("api/jms/received?queue=" + QUEUE + "&messageId=fail-1");
        assertAll(() -> assertEquals("3", tries.get("count"), "maxAttempts tries: " + tries),
                () -> assertEquals(List.of("false", "true", "true"), List.of(tries.get("0.redelivered"),
                        tries.get("1.redelivered"), tries.get("2.redelivered"))),
                () -> assertEquals(List.of("1", "2", "3"), List.of(tries.get("0.deliveryCount"),
                        tries.get("1.deliveryCount"), tries.get("2.deliveryCount"))),
                () -> assertEquals(1, dead.size(), "dead letters"),
                () -> assertTrue(String.valueOf(dead.get(0).getProps().getHeaders().get("x-rabbitjca-failure"))
                        .contains("the test makes fail-1 fail"), dead.get(0).getProps()::toString));
    }

    @Test
    void aSerializedObjectOfATrustedPackageArrivesAsAnObjectMessage() throws Exception {
        BrokerClient.publish(node, QUEUE, serialized("object-1"), serialize(new TrustedOrder("o-1", 3)));

        Map<String, String> got = receivedOnce("object-1");
        assertAll(() -> assertEquals("object", got.get("0.kind")),
                () -> assertEquals("TrustedOrder[ref=o-1, lines=3]", got.get("0.object")));
    }

    @Test
    void aSerializedObjectOfAnUntrustedClassIsNeverReadAndGoesStraightToTheDeadLetterQueue() throws Exception {
        BrokerClient.declareEmpty(node, DEAD_LETTERS, null);

        BrokerClient.publish(node, QUEUE, serialized("object-2"), serialize(new UntrustedOrder("o-2")));

        List<GetResponse> dead = Poll.until(DEADLINE, () -> BrokerClient.drain(node, DEAD_LETTERS),
                messages -> !messages.isEmpty());
        Map<String, Object> headers = dead.get(0).getProps().getHeaders();
        String reason = String.valueOf(headers.get("x-rabbitjca-failure"));
        assertAll(() -> assertEquals("object-2", dead.get(0).getProps().getMessageId()),
                () -> assertEquals(1, headers.get("x-rabbitjca-attempts"), "dead-lettered at the first failure"),
                () -> assertTrue(reason.contains("An ObjectMessage of class " + UntrustedOrder.class.getName()
                        + " was refused: its package is not in the bean's trustedPackages"), reason),
                () -> assertEquals("0", server.get("api/jms/received?queue=" + QUEUE + "&messageId=object-2")
                        .get("count"), "the bean never got it"));
    }

    @Test
    void aBeanFindsItsQueueByTheJndiNameOfAnAdminObject() throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("looked-up-1")
                .contentType("text/plain").build();

        BrokerClient.publish(node, JmsProbe.LOOKUP_QUEUE_NAME, properties, "found".getBytes(StandardCharsets.UTF_8));

        Map<String, String> got = Poll.until(DEADLINE, () -> server.get("api/jms/received?queue="
                + JmsProbe.LOOKUP_QUEUE_NAME + "&messageId=looked-up-1"), answer -> "1".equals(answer.get("count")));
        assertAll(() -> assertEquals("1", got.get("count"), got::toString),
                () -> assertEquals("found", got.get("0.text")),
                () -> assertEquals(JmsProbe.LOOKUP_QUEUE_NAME, got.get("0.destination")));
    }

    @Test
    void afterTheBrokerClosesEveryConnectionThreeTimesBothFacesWorkAndNothingIsLeftBehind() throws Exception {
        String sink = emptyQueue("it.jms.outage.sink");
        assertEquals("sent", server.post("api/connect/jms?factory=" + JmsProbe.POOL + "&queue=" + sink)
                .get("outcome"), "the JMS pool's connection is open before the first round");
        List<String> connectionsBefore = node.connectionNames().stream().sorted().toList();
        for (int round = 1; round <= 3; round++) {
            node.rabbitmqctl("close_all_connections", "jms-outage-" + round);

            Map<String, String> sent = Poll.until(RECOVERY, () -> server.post("api/connect/jms?factory="
                    + JmsProbe.POOL + "&queue=" + sink), answer -> "sent".equals(answer.get("outcome")));
            assertEquals("sent", sent.get("outcome"), "round " + round + ": the JMS face sends again: " + sent);
            String id = "outage-" + round;
            BrokerClient.publish(node, QUEUE, new AMQP.BasicProperties.Builder().messageId(id)
                    .contentType("text/plain").build(), id.getBytes(StandardCharsets.UTF_8));
            Map<String, String> got = Poll.until(RECOVERY, () -> server.get("api/jms/received?queue=" + QUEUE
                    + "&messageId=" + id), answer -> "1".equals(answer.get("count")));
            assertEquals("1", got.get("count"), "round " + round + ": the JMS bean consumes again: " + got);
            int finished = round;
            Map<String, List<Integer>> consumers = Poll.until(RECOVERY, () -> node.queueCounts("consumers"),
                    counts -> List.of(1).equals(counts.get(QUEUE)) && List.of(1).equals(counts.get(
                            JmsProbe.LOOKUP_QUEUE_NAME)) && List.of(1).equals(counts.get(NativePeerListener.QUEUE)));
            assertAll(() -> assertEquals(List.of(1), consumers.get(QUEUE), "round " + finished + ": one consumer"),
                    () -> assertEquals(List.of(1), consumers.get(JmsProbe.LOOKUP_QUEUE_NAME)),
                    () -> assertEquals(List.of(1), consumers.get(NativePeerListener.QUEUE)),
                    () -> assertEquals(connectionsBefore, Poll.until(RECOVERY, () -> node.connectionNames().stream()
                            .sorted().toList(), connectionsBefore::equals), "round " + finished + ": connections"));
            assertOneConnectionAndAtMostMaxChannels();
        }
        assertEquals(4, node.queueMessageCount(sink), "one send before the rounds and one per round");
    }

    private static Map<String, String> receivedOnce(String messageId) throws Exception {
        Map<String, String> got = Poll.until(DEADLINE, () -> server.get("api/jms/received?queue=" + QUEUE
                + "&messageId=" + messageId), answer -> "1".equals(answer.get("count")));
        assertEquals("1", got.get("count"), () -> messageId + " once: " + got);
        return got;
    }

    private static AMQP.BasicProperties serialized(String messageId) {
        return new AMQP.BasicProperties.Builder().messageId(messageId)
                .contentType("application/x-java-serialized-object").build();
    }

    private static byte[] serialize(Serializable object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
