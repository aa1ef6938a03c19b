// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;
import org.rabbitjca.sample.it.app.CountingListener;
import org.rabbitjca.sample.it.support.Http;
import org.rabbitjca.sample.it.support.Poll;
import org.rabbitjca.sample.it.support.DeployedSample;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message-driven bean in Payara Micro fed by a queue on the private broker node: messages published from outside
 * the server are each processed exactly once and acknowledged; one whose first attempt throws comes back.
 */
class MessageDrivenBeanIT extends DeployedSample {

    @Test
    void aThousandMessagesAreEachProcessedOnceAndOneThatThrowsIsRedelivered() throws Exception {
        RabbitNode node = RabbitNodeExtension.sharedNode();
        try (Connection connection = node.newConnectionFactory().newConnection("test-publisher");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < 1000; i++) {
                channel.basicPublish("", CountingListener.QUEUE, persistent("m-" + i, null),
                        ("message " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.basicPublish("", CountingListener.QUEUE,
                    persistent("poison", Map.of(CountingListener.FAIL_FIRST, true)), new byte[0]);
            channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(30));
        }

        Map<String, String> counts = Poll.until(Duration.ofSeconds(90),
                () -> Http.get(base, "api/probe/deliveries"), c -> "1001".equals(c.get("distinctProcessed")));

        assertAll(() -> assertEquals("1001", counts.get("distinctProcessed"), () -> "processed: " + counts),
                () -> assertEquals("1001", counts.get("processed"), () -> "each exactly once: " + counts),
                () -> assertEquals("1", counts.get("maxProcessedPerMessage")),
                () -> assertEquals("1002", counts.get("attempts"), () -> "one retry: " + counts),
                () -> assertEquals("1", counts.get("redelivered"), () -> "redelivered flag: " + counts));
        Map<String, String> poison = Http.get(base, "api/probe/delivery?id=poison");
        assertEquals(Map.of("attempts", "2", "processed", "1"), poison);
        int left = Poll.until(Duration.ofSeconds(30), () -> node.queueMessageCount(CountingListener.QUEUE),
                count -> count == 0);
        assertEquals(0, left, "messages left in the queue, ready or unacknowledged");
        assertTrue(node.connectionNames().stream().anyMatch(name -> name.endsWith("(consume)")),
                () -> "a consumer connection: " + node.connectionNames());
    }

    private static AMQP.BasicProperties persistent(String messageId, Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(messageId).headers(headers).build();
    }
}
