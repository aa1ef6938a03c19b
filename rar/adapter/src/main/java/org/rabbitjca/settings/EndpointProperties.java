// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;

/**
 * What only one message-driven bean can say: its queue, the topology the adapter declares for it, and where its
 * dead letters go. Set by the container from the bean's activation config; not thread-safe.
 */
public abstract class EndpointProperties extends ConsumerProperties {

    @Serial
    private static final long serialVersionUID = 1L;

    private String queue;
    private Boolean declareQueue;
    private String queueType;
    private String exchange;
    private String exchangeType;
    private String routingKeys;
    private String deadLetterRoutingKey;

    /** @return the queue property */
    public String getQueue() {
        return queue;
    }

    /** @param queue see the description */
    @ConfigProperty(description = "Required. The queue this message-driven bean consumes.")
    public void setQueue(String queue) {
        this.queue = queue;
    }

    /** @return the declareQueue property, or {@code null} when not set */
    public Boolean getDeclareQueue() {
        return declareQueue;
    }

    /** @param declareQueue see the description */
    @ConfigProperty(description = "Whether the adapter declares the queue before consuming: durable, of type "
            + "queueType. A queue that exists with other arguments fails the activation with the broker's reason. "
            + "Default: " + ConsumerSettings.DEFAULT_DECLARE_QUEUE + " (the queue must exist)")
    public void setDeclareQueue(Boolean declareQueue) {
        this.declareQueue = declareQueue;
    }

    /** @return the queueType property, or {@code null} when not set */
    public String getQueueType() {
        return queueType;
    }

    /** @param queueType see the description */
    @ConfigProperty(description = "The type of the consumed queue: classic or quorum (replicated; needs RabbitMQ "
            + "3.10 or later). declareQueue declares it of this type, and the retry and dead-letter queues the "
            + "adapter declares get the same type, so that they survive the same node losses as the queue. "
            + "Default: " + QueueTopology.DEFAULT_QUEUE_TYPE)
    public void setQueueType(String queueType) {
        this.queueType = queueType;
    }

    /** @return the exchange property, or {@code null} when not set */
    public String getExchange() {
        return exchange;
    }

    /** @param exchange see the description */
    @ConfigProperty(description = "An exchange the adapter declares (durable, of type exchangeType) and binds "
            + "the queue to, with each of routingKeys. Default: none (nothing is bound)")
    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    /** @return the exchangeType property, or {@code null} when not set */
    public String getExchangeType() {
        return exchangeType;
    }

    /** @param exchangeType see the description */
    @ConfigProperty(description = "The type of the exchange: direct, topic, fanout or headers. Default: "
            + QueueTopology.DEFAULT_EXCHANGE_TYPE)
    public void setExchangeType(String exchangeType) {
        this.exchangeType = exchangeType;
    }

    /** @return the routingKeys property, or {@code null} when not set */
    public String getRoutingKeys() {
        return routingKeys;
    }

    /** @param routingKeys see the description */
    @ConfigProperty(description = "Comma-separated routing keys (binding patterns for a topic exchange, e.g. "
            + "'orders.eu.*,orders.us.*') binding the queue to the exchange. Needs exchange. Default: the queue name")
    public void setRoutingKeys(String routingKeys) {
        this.routingKeys = routingKeys;
    }

    /** @return the deadLetterRoutingKey property, or {@code null} when not set */
    public String getDeadLetterRoutingKey() {
        return deadLetterRoutingKey;
    }

    /** @param deadLetterRoutingKey see the description */
    @ConfigProperty(description = "The routing key of dead letters. With the default deadLetterExchange it names "
            + "the dead-letter queue, which the adapter declares (durable). Default: the queue name + '"
            + ConsumerSettings.DEAD_LETTER_SUFFIX + "'")
    public void setDeadLetterRoutingKey(String deadLetterRoutingKey) {
        this.deadLetterRoutingKey = deadLetterRoutingKey;
    }
}
