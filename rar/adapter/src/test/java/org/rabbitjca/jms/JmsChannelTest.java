// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.RabbitConnection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JmsChannelTest {

    /** A handle that records its publishes, as {@code exchange/routingKey/mandatory}, and can refuse them. */
    private static final class RecordingHandle implements RabbitConnection {
        final List<String> published = new ArrayList<>();
        PublishNackedException refusal;
        boolean closed;

        @Override
        public void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
            publish(exchange, routingKey, false, properties, body);
        }

        @Override
        public void publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties,
                            byte[] body) {
            if (refusal != null) {
                throw refusal;
            }
            published.add(exchange + "/" + routingKey + "/" + mandatory);
        }

        @Override
        public CompletableFuture<Void> publishAsync(String exchange, String routingKey,
                                                    AMQP.BasicProperties properties, byte[] body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> publishAsync(String exchange, String routingKey, boolean mandatory,
                                                    AMQP.BasicProperties properties, byte[] body) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Channel channel() {
            throw new UnsupportedOperationException("the view is not needed here");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties();

    @Test
    void aSendToAQueueIsMandatoryWhenThePoolConfirmsAndATopicSendNever() throws Exception {
        RecordingHandle handle = new RecordingHandle();
        Channel confirmed = JmsChannel.of(handle, true);
        Channel unconfirmed = JmsChannel.of(handle, false);

        confirmed.basicPublish("", "orders", PROPERTIES, new byte[0]);
        confirmed.basicPublish("amq.topic", "orders.eu", PROPERTIES, new byte[0]);
        unconfirmed.basicPublish("", "orders", PROPERTIES, new byte[0]);
        unconfirmed.basicPublish("amq.topic", "orders.eu", true, PROPERTIES, new byte[0]);

        assertEquals(List.of("/orders/true", "amq.topic/orders.eu/false", "/orders/false",
                "amq.topic/orders.eu/true"), handle.published);
    }

    @Test
    void aRefusedPublishIsAnIOExceptionWithTheAdaptersMessageAndCause() {
        RecordingHandle handle = new RecordingHandle();
        handle.refusal = new PublishNackedException("Publish to exchange '' with routing key 'orders' was nacked");

        IOException failure = assertThrows(IOException.class,
                () -> JmsChannel.of(handle, true).basicPublish("", "orders", PROPERTIES, new byte[0]));

        assertEquals(handle.refusal.getMessage(), failure.getMessage());
        assertSame(handle.refusal, failure.getCause());
    }

    @Test
    void theSessionsListenersAndCloseNeverReachThePooledChannel() throws Exception {
        RecordingHandle handle = new RecordingHandle();
        Channel channel = JmsChannel.of(handle, true);

        channel.addConfirmListener((ConfirmListener) null);
        channel.basicQos(10);
        channel.close();

        assertFalse(handle.closed, "the JMS connection's close gives the channel back, not the session's");
    }
}
