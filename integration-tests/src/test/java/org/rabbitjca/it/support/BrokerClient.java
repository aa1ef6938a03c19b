// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.rabbitjca.testbroker.RabbitNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** What tests do on the broker from outside the server: publish with confirms, read a queue empty. */
public final class BrokerClient {

    private BrokerClient() {
    }

    /**
     * Publishes {@code count} persistent messages with message ids {@code prefix-0 ... prefix-(count-1)} to a queue
     * through the default exchange, and waits for every confirm.
     *
     * @param headers the headers of message {@code i}, or {@code null}
     */
    public static void publish(RabbitNode node, String queue, String prefix, int count,
                               IntFunction<Map<String, Object>> headers) throws Exception {
        try (Connection connection = node.newConnectionFactory().newConnection("test-publisher");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < count; i++) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .messageId(prefix + "-" + i).headers(headers.apply(i)).build();
                channel.basicPublish("", queue, properties, (prefix + " " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /** Publishes one message to a queue through the default exchange, and waits for its confirm. */
    public static void publish(RabbitNode node, String queue, AMQP.BasicProperties properties, byte[] body)
            throws Exception {
        try (Connection connection = node.newConnectionFactory().newConnection("test-publisher");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("", queue, properties, body);
            channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /**
     * Declares a durable queue (or finds it declared the same way) and empties it.
     *
     * @param arguments the queue's arguments, or {@code null}
     */
    public static void declareEmpty(RabbitNode node, String queue, Map<String, Object> arguments) throws Exception {
        try (Connection connection = node.newConnectionFactory().newConnection("test-setup");
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, arguments);
            channel.queuePurge(queue);
        }
    }

    /** @return every message taken from the queue, acknowledged, in queue order */
    public static List<GetResponse> drain(RabbitNode node, String queue) throws Exception {
        List<GetResponse> messages = new ArrayList<>();
        try (Connection connection = node.newConnectionFactory().newConnection("test-drain");
             Channel channel = connection.createChannel()) {
            for (GetResponse message = channel.basicGet(queue, true); message != null;
                 message = channel.basicGet(queue, true)) {
                messages.add(message);
            }
        }
        return messages;
    }
}
