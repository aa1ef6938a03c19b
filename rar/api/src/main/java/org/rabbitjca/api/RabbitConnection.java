// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import java.util.concurrent.CompletableFuture;

/**
 * An application's handle on one pooled AMQP channel. Obtained from {@link RabbitConnectionFactory#getConnection()},
 * used by one thread at a time, closed to give the channel back to the pool ({@link #close()} is idempotent).
 *
 * <p>When the pool has {@code publisherConfirms=true} (the default), {@code publish} returns only once the broker
 * confirmed the message, and fails with a typed exception when it was refused, returned or not confirmed in time.
 * When the broker closes the channel (for example because the exchange does not exist), the call fails with a
 * {@link ChannelClosedException} carrying the broker's reason, and the channel is never handed out again.
 */
public interface RabbitConnection extends AutoCloseable {

    /**
     * Publishes a message and, with publisher confirms on, waits for the broker's confirm (at most the pool's
     * {@code confirmTimeoutMillis}).
     *
     * @param exchange the exchange name; {@code ""} for the default exchange
     * @param routingKey the routing key
     * @param properties message properties, or {@code null} for none
     * @param body the message body
     * @throws PublishNackedException when the broker refused the message
     * @throws PublishTimeoutException when no confirm arrived in time (the message may or may not be stored)
     * @throws ChannelClosedException when the broker closed the channel, for example for a missing exchange
     */
    void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body);

    /**
     * Like {@link #publish(String, String, AMQP.BasicProperties, byte[])}, with the {@code mandatory} flag: a
     * mandatory message that no queue takes fails with {@link PublishReturnedException}. Mandatory publishing needs
     * publisher confirms, because only the confirm tells that no return is coming.
     *
     * @param exchange the exchange name; {@code ""} for the default exchange
     * @param routingKey the routing key
     * @param mandatory whether an unroutable message must be returned (and reported) rather than dropped
     * @param properties message properties, or {@code null} for none
     * @param body the message body
     * @throws PublishReturnedException when the message was mandatory and no queue took it
     */
    void publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties, byte[] body);

    /**
     * Publishes without waiting: the future completes when the broker confirms the message, or exceptionally with
     * the exceptions {@code publish} throws. Without publisher confirms it is complete once the message is written.
     * The handle may be closed before the future completes; the confirm is still tracked.
     *
     * @param exchange the exchange name; {@code ""} for the default exchange
     * @param routingKey the routing key
     * @param properties message properties, or {@code null} for none
     * @param body the message body
     * @return the confirm of this message
     */
    CompletableFuture<Void> publishAsync(String exchange, String routingKey, AMQP.BasicProperties properties,
                                         byte[] body);

    /**
     * Like {@link #publishAsync(String, String, AMQP.BasicProperties, byte[])} with the {@code mandatory} flag.
     *
     * @param exchange the exchange name; {@code ""} for the default exchange
     * @param routingKey the routing key
     * @param mandatory whether an unroutable message must be returned (and reported) rather than dropped
     * @param properties message properties, or {@code null} for none
     * @param body the message body
     * @return the confirm of this message
     */
    CompletableFuture<Void> publishAsync(String exchange, String routingKey, boolean mandatory,
                                         AMQP.BasicProperties properties, byte[] body);

    /**
     * A view of the pooled channel for topology ({@code exchangeDeclare}, {@code queueDeclare}, {@code queueBind},
     * ...) and polling ({@code basicGet}, {@code basicAck}). Operations that would break the pooled channel or
     * bypass confirm tracking ({@code close}, {@code abort}, {@code confirmSelect}, {@code txSelect},
     * {@code basicConsume}, {@code basicPublish}, adding listeners, ...) throw
     * {@link ChannelOperationRefusedException} saying what to use instead. Valid until this handle is closed.
     *
     * @return the restricted channel view
     */
    Channel channel();

    /** Returns the channel to the pool. Idempotent; any later call on this handle fails. */
    @Override
    void close();
}
