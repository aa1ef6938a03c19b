// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Topic;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;

/**
 * A JMS {@link Topic} that is a routing key on a RabbitMQ topic exchange: a send publishes to the exchange with the
 * topic's name as routing key, with plain AMQP bodies; every queue bound to the exchange with a matching pattern
 * gets a copy, and a send no queue is bound for is dropped, as a topic with no subscriber drops it. Declare it as an
 * admin object, e.g. {@code admin-object-resource res-type="jakarta.jms.Topic"} with property {@code topicName}.
 */
@AdministeredObject(adminObjectInterfaces = Topic.class)
public class RabbitTopic extends RMQDestination {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The exchange a topic is on unless {@link #setExchangeName} says otherwise. */
    public static final String DEFAULT_EXCHANGE = "amq.topic";

    /** Makes an "amqp" destination on {@value #DEFAULT_EXCHANGE}, until the properties are set. */
    public RabbitTopic() {
        setAmqp(true);
        setQueue(false);
        setAmqpExchangeName(DEFAULT_EXCHANGE);
    }

    /** @return the JMS topic that is that routing key on {@value #DEFAULT_EXCHANGE} */
    static RabbitTopic named(String topicName) {
        RabbitTopic topic = new RabbitTopic();
        topic.setTopicName(topicName);
        return topic;
    }

    /** @param topicName see the description */
    @ConfigProperty(description = "The topic: the routing key sends publish with (e.g. orders.eu.created).")
    public void setTopicName(String topicName) {
        setDestinationName(topicName);
        setAmqpRoutingKey(topicName);
    }

    /** @return the exchangeName property */
    public String getExchangeName() {
        return getAmqpExchangeName();
    }

    /** @param exchangeName see the description */
    @ConfigProperty(description = "The topic exchange the topic's messages are published to; it must exist. "
            + "Default: " + DEFAULT_EXCHANGE, defaultValue = DEFAULT_EXCHANGE)
    public void setExchangeName(String exchangeName) {
        setAmqpExchangeName(exchangeName);
    }

    @Override
    public String toString() {
        return "topic '" + getDestinationName() + "' on exchange '" + getAmqpExchangeName() + "'";
    }
}
