// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.broker.BrokerConnections;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.settings.ConsumerSettings;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeoutException;

/**
 * The consumer of one message-driven bean endpoint: a channel with a prefetch, a consumer on the endpoint's queue,
 * and deliveries processed by a {@link DeliveryDispatcher} on the container's WorkManager. {@link #stop()} cancels the
 * consumer, waits (bounded) for deliveries under way, then closes the channel so unacknowledged messages go back.
 *
 * <p>Threading: {@code start}/{@code stop} come from the adapter's lifecycle calls; deliveries arrive on
 * amqp-client's dispatch thread for the channel and are only handed over there; acks and requeues happen on the
 * WorkManager's threads (amqp-client channels accept acks from any thread).
 */
public final class Activation {

    private static final System.Logger LOG = System.getLogger(Activation.class.getName());
    /** How long deactivation waits for deliveries under way before closing the channel. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final String name;
    private final MessageEndpointFactory endpointFactory;
    private final ConsumerSettings consumer;
    private final ConnectionGroup group;
    private final BrokerConnections connections;
    private final WorkManager workManager;
    private volatile Channel channel;
    private volatile String consumerTag;
    private volatile DeliveryDispatcher dispatcher;
    private volatile boolean stopping;

    /**
     * @param name names the endpoint in logs and errors
     * @param endpointFactory the container's factory of endpoint instances
     * @param consumer the validated consumer settings
     * @param group the consumer connection, released on stop
     * @param connections where {@code group} was acquired
     * @param workManager the container's WorkManager
     */
    public Activation(String name, MessageEndpointFactory endpointFactory, ConsumerSettings consumer,
                      ConnectionGroup group, BrokerConnections connections, WorkManager workManager) {
        this.name = name;
        this.endpointFactory = endpointFactory;
        this.consumer = consumer;
        this.group = group;
        this.connections = connections;
        this.workManager = workManager;
    }

    /**
     * Opens the channel and starts consuming.
     *
     * @throws ResourceException naming the cause when the broker cannot be reached or the queue cannot be consumed
     */
    public void start() throws ResourceException {
        try {
            Channel opened = group.openChannel();
            channel = opened;
            DeliveryProcessor processor = new DeliveryProcessor(endpointFactory,
                    (tag, processed) -> settle(opened, tag, processed), name);
            DeliveryDispatcher dispatcher = new DeliveryDispatcher(workManager, consumer.maxConcurrency(),
                    processor::process, message -> settle(opened, message.envelope().getDeliveryTag(), false), name);
            if (consumer.declareQueue()) {
                opened.queueDeclare(consumer.queue(), true, false, false, null);
            }
            opened.basicQos(consumer.prefetchCount());
            consumerTag = opened.basicConsume(consumer.queue(), false, new QueueConsumer(opened, dispatcher));
            this.dispatcher = dispatcher;
            LOG.log(Level.INFO, "{0} consumes queue ''{1}'' on {2} (prefetch {3})", name, consumer.queue(),
                    group.settings().describeAddresses(), consumer.prefetchCount());
        } catch (RabbitException failure) {
            connections.release(group);
            throw new ResourceException(name + " cannot start: " + failure.getMessage(), failure);
        } catch (IOException failure) {
            connections.release(group);
            throw new ResourceException(name + " cannot consume queue '" + consumer.queue() + "' in virtual host '"
                    + group.settings().virtualHost() + "' at " + group.settings().describeAddresses() + ": "
                    + brokerReason(failure) + ". Check that the queue exists (or set declareQueue=true), that an existing "
                    + "queue has the arguments declared, and that the user may read it.", failure);
        }
    }

    /** Stops consuming, waits for deliveries under way (bounded), closes the channel. Idempotent. */
    public void stop() {
        if (stopping || dispatcher == null) {
            return;
        }
        stopping = true;
        Channel current = channel;
        try {
            if (current != null && current.isOpen()) {
                current.basicCancel(consumerTag);
                int left = dispatcher.awaitIdle(STOP_WAIT_MILLIS);
                if (left > 0) {
                    LOG.log(Level.WARNING, "{0}: {1} deliveries still running after {2} ms; closing the channel "
                            + "requeues them", name, left, STOP_WAIT_MILLIS);
                }
                current.close();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | TimeoutException | ShutdownSignalException alreadyClosed) {
            LOG.log(Level.DEBUG, "Closing the channel of " + name, alreadyClosed);
        } finally {
            connections.release(group);
        }
        LOG.log(Level.INFO, "{0} stopped consuming queue ''{1}''", name, consumer.queue());
    }

    private static String brokerReason(IOException failure) {
        return failure.getCause() instanceof ShutdownSignalException signal
                && signal.getReason() instanceof AMQP.Channel.Close close
                ? close.getReplyText() : String.valueOf(failure.getMessage());
    }

    private void settle(Channel deliveryChannel, long deliveryTag, boolean processed) {
        try {
            if (processed) {
                deliveryChannel.basicAck(deliveryTag, false);
            } else {
                deliveryChannel.basicNack(deliveryTag, false, true);
            }
        } catch (IOException | ShutdownSignalException channelGone) {
            // The broker requeues every unacknowledged delivery of a closed channel: nothing is lost, the message
            // is redelivered (flagged redelivered) to the next consumer.
            LOG.log(Level.DEBUG, "Could not settle delivery " + deliveryTag + " of " + name, channelGone);
        }
    }

    /** Hands each delivery to the dispatcher; runs on amqp-client's dispatch thread for the channel. */
    private final class QueueConsumer extends DefaultConsumer {

        private final DeliveryDispatcher dispatcher;

        QueueConsumer(Channel channel, DeliveryDispatcher dispatcher) {
            super(channel);
            this.dispatcher = dispatcher;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                   byte[] body) {
            dispatcher.dispatch(new DeliveredMessage(consumer.queue(), body, properties, envelope));
        }

        @Override
        public void handleCancel(String consumerTag) {
            LOG.log(Level.WARNING, "{0}: the broker cancelled the consumer of queue ''{1}'' (queue deleted?); "
                    + "consumption stopped", name, consumer.queue());
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
            if (!stopping) {
                LOG.log(Level.WARNING, "{0}: the channel consuming queue ''{1}'' closed: {2}", name,
                        consumer.queue(), signal.getMessage());
            }
        }
    }
}
