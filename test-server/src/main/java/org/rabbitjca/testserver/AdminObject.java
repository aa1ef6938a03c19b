// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.util.Map;

/**
 * A JMS destination of rabbitmq-jca, bound in JNDI as the adapter's admin object.
 *
 * @param jndiName its JNDI name, e.g. {@code java:app/jms/orders}
 * @param interfaceName {@code jakarta.jms.Queue} or {@code jakarta.jms.Topic}
 * @param className the adapter's class behind it
 * @param properties its properties, e.g. {@code queueName}
 */
public record AdminObject(String jndiName, String interfaceName, String className, Map<String, String> properties) {

    /** Copies the properties so the record stays immutable. */
    public AdminObject {
        properties = Map.copyOf(properties);
    }

    /** @return a JMS queue that is the RabbitMQ queue of that name */
    public static AdminObject queue(String jndiName, String queueName) {
        return new AdminObject(jndiName, "jakarta.jms.Queue", "org.rabbitjca.jms.RabbitQueue",
                Map.of("queueName", queueName));
    }

    /** @return a JMS topic that is that routing key on {@code amq.topic} */
    public static AdminObject topic(String jndiName, String topicName) {
        return new AdminObject(jndiName, "jakarta.jms.Topic", "org.rabbitjca.jms.RabbitTopic",
                Map.of("topicName", topicName));
    }
}
