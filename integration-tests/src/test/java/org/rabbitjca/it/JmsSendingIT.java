// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rabbitjca.it.jms.JmsProbe;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.JmsServerTests;
import org.rabbitjca.it.support.PayaraOnly;
import org.rabbitjca.it.transactional.Ending;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sending through the JMS face on Payara Micro, counted on the broker: sends through pooled channels on one
 * connection, confirmed, following the container's transaction; refusals that name the queue and the cause; JMS
 * headers where AMQP consumers read them; the container rules of Jakarta Messaging enforced.
 */
@Portable
class JmsSendingIT extends JmsServerTests {

    @Test
    void sixteenThreadsSendEightThousandConfirmedMessagesOverOnePooledConnection() throws Exception {
        String queue = emptyQueue("it.jms.concurrent");

        Map<String, String> result = server.post("api/jms/send-concurrently?queue=" + queue
                + "&threads=16&perThread=500");

        assertAll(() -> assertEquals("8000", result.get("confirmed"), result::toString),
                () -> assertEquals("0", result.get("failed"), result::toString));
        Set<String> expected = new HashSet<>();
        for (int thread = 0; thread < 16; thread++) {
            for (int i = 0; i < 500; i++) {
                expected.add("t" + thread + "-" + i);
            }
        }
        List<String> bodies = bodies(BrokerClient.drain(node, queue));
        assertEquals(8000, bodies.size(), "messages on the broker");
        assertEquals(expected, Set.copyOf(bodies), "message bodies, each exactly once");
        assertOneConnectionAndAtMostMaxChannels();
    }

    @Test
    void contextsAndConnectionsGiveTheirChannelBackWhenClosed() throws Exception {
        Map<String, String> result = server.post("api/jms/open-and-close?times=200");

        assertEquals("200", result.get("done"), result::toString);
        assertOneConnectionAndAtMostMaxChannels();
        assertEquals("sent", sendOnce(JmsProbe.POOL, emptyQueue("it.jms.after-close"))
                .get("outcome"), "the pool still lends channels");
    }

    /**
     * On WildFly a pool an application declares gets an adapter instance of its own, which the adapter's
     * configuration in the subsystem does not reach: these pools, which name no addresses, connect elsewhere there.
     */
    @Test
    @PayaraOnly
    void poolsDeclaredByAnnotationSendToo() throws Exception {
        String queue = emptyQueue("it.jms.declared");

        List<Map<String, String>> answers = List.of(sendOnce(JmsProbe.ANNOTATED_POOL, queue),
                sendOnce(JmsProbe.JMS_ANNOTATED_POOL, queue));

        assertTrue(answers.stream().allMatch(answer -> "sent".equals(answer.get("outcome"))), answers::toString);
        assertEquals(2, node.queueMessageCount(queue));
        List<String> names = node.connectionNames();
        assertTrue(names.containsAll(List.of("it-jms-annotated (publish)", "it-jms-jms-annotated (publish)")),
                () -> "each pool's connection, named by its properties: " + names);
    }

    @Test
    void aPoolTheAdministratorDeclaredSendsToo() throws Exception {
        String queue = emptyQueue("it.jms.administered");

        Map<String, String> answer = sendOnce(JmsProbe.SERVER_POOL, queue);

        assertEquals("sent", answer.get("outcome"), answer::toString);
        assertEquals(1, node.queueMessageCount(queue));
        assertTrue(node.connectionNames().contains("it-jms-server (publish)"), "the pool's connection, named by its "
                + "properties");
    }

    @Test
    void aTopicIsARoutingKeyOnAmqTopicThatBoundQueuesGetACopyOf() throws Exception {
        String queue = emptyQueue("it.jms.topic.eu");
        try (Connection connection = node.newConnectionFactory().newConnection("test-setup");
             Channel channel = connection.createChannel()) {
            channel.queueBind(queue, "amq.topic", "orders.eu.*");
        }

        Map<String, String> matching = server.post("api/connect/jms?factory=" + JmsProbe.POOL
                + "&topic=orders.eu.created");
        Map<String, String> other = server.post("api/connect/jms?factory=" + JmsProbe.POOL
                + "&topic=orders.us.created");

        assertAll(() -> assertEquals("sent", matching.get("outcome"), matching::toString),
                () -> assertEquals("sent", other.get("outcome"), "a topic nobody listens to drops it: " + other),
                () -> assertEquals(List.of("once"), bodies(BrokerClient.drain(node, queue))));
    }

    @Test
    void aCommittedTransactionSendsEveryMessage() throws Exception {
        String queue = emptyQueue("it.jms.tx.commit");

        Map<String, String> answer = server.post("api/jms/send-in-transaction?queue=" + queue
                + "&count=3&prefix=commit&ending=COMMIT");

        assertEquals("returned", answer.get("outcome"), answer::toString);
        assertEquals(List.of("commit-1", "commit-2", "commit-3"), bodies(BrokerClient.drain(node, queue)));
    }

    @ParameterizedTest
    @EnumSource(value = Ending.class, names = {"THROW", "ROLLBACK_ONLY"})
    void aRolledBackTransactionSendsNothing(Ending ending) throws Exception {
        String queue = emptyQueue("it.jms.tx." + ending);

        Map<String, String> answer = server.post("api/jms/send-in-transaction?queue=" + queue
                + "&count=3&prefix=rollback&ending=" + ending);

        assertEquals(ending == Ending.THROW ? "failed" : "returned", answer.get("outcome"), answer::toString);
        assertEquals(0, node.queueMessageCount(queue), "messages of a rolled-back transaction");
    }

    @Test
    void aNackedSendThrowsAJmsExceptionNamingTheQueueAndTheNack() throws Exception {
        String queue = "it.jms.nacked";
        BrokerClient.declareEmpty(node, queue, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        BrokerClient.publish(node, queue, "filler", 1, i -> null);

        Map<String, String> answer = sendOnce(JmsProbe.POOL, queue);

        assertSendFailed(answer, queue, "PublishNackedException");
        assertEquals(1, node.queueMessageCount(queue), "only the filler");
    }

    @Test
    void aSendToAQueueThatDoesNotExistFailsInsteadOfVanishing() throws Exception {
        Map<String, String> answer = sendOnce(JmsProbe.POOL, "it.jms.no-such-queue");

        assertSendFailed(answer, "it.jms.no-such-queue", "PublishReturnedException");
    }

    @Test
    void aSendTheBrokerDoesNotConfirmInTimeThrows() throws Exception {
        String queue = emptyQueue("it.jms.unconfirmed");
        assertEquals("sent", sendOnce(PROXIED, queue)
                .get("outcome"), "the proxied pool works before the freeze");

        proxy.freeze();
        Map<String, String> answer;
        try {
            answer = sendOnce(PROXIED, queue);
        } finally {
            proxy.thaw();
        }

        assertSendFailed(answer, queue, "PublishTimeoutException");
        assertTrue(Long.parseLong(answer.get("millis")) >= PROXIED_CONFIRM_TIMEOUT_MILLIS, answer::toString);
    }

    @Test
    void jmsHeadersArriveWhereAmqpConsumersReadThem() throws Exception {
        String queue = emptyQueue("it.jms.headers");

        Map<String, String> sent = server.post("api/jms/send-headers?queue=" + queue);

        List<GetResponse> messages = BrokerClient.drain(node, queue);
        assertEquals(2, messages.size(), "the text and the bytes message");
        AMQP.BasicProperties text = messages.get(0).getProps();
        Map<String, Object> headers = text.getHeaders();
        assertAll(() -> assertEquals("héllo", new String(messages.get(0).getBody(), StandardCharsets.UTF_8)),
                () -> assertEquals("text/plain; charset=utf-8", text.getContentType()),
                () -> assertEquals(sent.get("textMessageId"), text.getMessageId()),
                () -> assertEquals(Long.parseLong(sent.get("timestamp")) / 1000,
                        text.getTimestamp().getTime() / 1000, "AMQP timestamps have seconds"),
                () -> assertEquals("order.created", text.getType()),
                () -> assertEquals("corr-1", text.getCorrelationId()),
                () -> assertEquals(7, text.getPriority()),
                () -> assertEquals(2, text.getDeliveryMode()),
                () -> assertEquals("600000", text.getExpiration()),
                () -> assertEquals("eu", String.valueOf(headers.get("region"))),
                () -> assertEquals(42, headers.get("lines")),
                () -> assertEquals(true, headers.get("urgent")),
                () -> assertEquals("TextMessage", String.valueOf(headers.get("JMSType")),
                        "rabbitmq-jms's mark of a text message"));
        AMQP.BasicProperties bytes = messages.get(1).getProps();
        assertAll(() -> assertArrayEquals(new byte[] {1, 2, 3}, messages.get(1).getBody()),
                () -> assertEquals("application/octet-stream", bytes.getContentType()),
                () -> assertEquals(1, bytes.getDeliveryMode()));
    }

    @Test
    void anAdminObjectQueueIsTheRabbitMqQueueItNames() throws Exception {
        BrokerClient.declareEmpty(node, JmsProbe.ADMIN_QUEUE_NAME, null);

        Map<String, String> answer = server.post("api/jms/send-admin-queue?body=administered");
        Map<String, String> queueApi = server.post("api/jms/send-queue-api?body=queue-api");

        assertEquals(JmsProbe.ADMIN_QUEUE_NAME, answer.get("queue"), answer::toString);
        assertEquals(JmsProbe.ADMIN_QUEUE_NAME, queueApi.get("queue"), queueApi::toString);
        assertEquals(List.of("administered", "queue-api"), bodies(BrokerClient.drain(node,
                JmsProbe.ADMIN_QUEUE_NAME)), "the classic API and the point-to-point API");
    }

    @Test
    void whatJakartaMessagingForbidsInAContainerIsRefusedWithTheReason() throws Exception {
        String queue = emptyQueue("it.jms.refusals");

        Map<String, String> answer = server.post("api/jms/refusals?queue=" + queue);

        List<String> forbidden = List.of("Connection.setClientID", "Connection.setExceptionListener",
                "Connection.stop", "Connection.createConnectionConsumer", "Session.setMessageListener",
                "MessageConsumer.setMessageListener", "JMSContext.setClientID", "JMSContext.createContext",
                "JMSContext.stop", "JMSConsumer.setMessageListener", "Session.createTemporaryQueue",
                "JMSContext.createTemporaryQueue");
        for (String method : forbidden) {
            String refusal = answer.get("refused." + method);
            assertTrue(refusal != null && refusal.contains(method + " is not allowed inside a Jakarta EE container"),
                    () -> method + ": " + refusal);
        }
        assertAll(() -> assertTrue(answer.get("refused.Connection.secondSession").contains("already has a session"),
                        answer::toString),
                () -> assertTrue(answer.get("refused.MessageProducer.asyncSend").contains("asynchronous send"),
                        answer::toString),
                () -> assertTrue(answer.get("refused.JMSProducer.setAsync").contains("asynchronous send"),
                        answer::toString),
                () -> assertTrue(answer.get("refused.ConnectionFactory.credentials")
                        .startsWith("JMSSecurityRuntimeException: A rabbitmq-jca JMS pool logs in as"),
                        answer::toString));
        assertEquals(0, node.queueMessageCount(queue), "the refused asynchronous send sent nothing");
        assertOneConnectionAndAtMostMaxChannels();
    }

    private static Map<String, String> sendOnce(String factory, String queue) throws Exception {
        return server.post("api/connect/jms?factory=" + factory + "&queue=" + queue);
    }

    private static void assertSendFailed(Map<String, String> answer, String queue, String cause) {
        assertAll(() -> assertEquals("failed", answer.get("outcome"), answer::toString),
                () -> assertTrue(answer.get("exception").endsWith("RMQJMSException"),
                        () -> "a JMSException subclass: " + answer),
                () -> assertTrue(answer.get("message").contains("routing key '" + queue + "'"),
                        () -> "the message names the queue: " + answer),
                () -> assertTrue(answer.get("chain").contains(cause), () -> "the cause: " + answer));
    }
}
