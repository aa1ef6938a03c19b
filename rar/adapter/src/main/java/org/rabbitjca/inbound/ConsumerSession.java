// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import jakarta.resource.spi.work.WorkManager;
import org.rabbitjca.broker.Channels;
import org.rabbitjca.broker.CloseReason;
import org.rabbitjca.broker.ReturnCorrelation;
import org.rabbitjca.settings.ConsumerSettings;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.function.BiConsumer;

/**
 * One life of an endpoint's consumer: a channel, the consumer on the queue, and the dispatcher of its deliveries.
 * It ends when the broker cancels the consumer or the channel closes; it then tells its owner once, and the owner
 * starts a new session. Deliveries still running when it ends may finish and acknowledge while the channel lives, and
 * hold their share of the endpoint's concurrency until they end.
 */
final class ConsumerSession {

    private static final System.Logger LOG = System.getLogger(ConsumerSession.class.getName());
    /** How long ending a session waits for deliveries under way before closing the channel. */
    private static final long DRAIN_MILLIS = 30_000;

    private final Channel channel;
    private final ConsumerSettings consumer;
    private final DeliveryDispatcher dispatcher;
    private final BiConsumer<ConsumerSession, String> onLost;
    private final String endpointName;
    private boolean closing; // guarded by this
    private String consumerTag; // guarded by this; null before consuming and once cancelled
    private boolean refusedByContainer; // guarded by this

    /**
     * @param channel a channel on the consumer connection, topology declared, owned by the session from now on
     * @param limit the endpoint's bound on deliveries at once, shared with its earlier sessions
     * @param onLost told once, with the reason, when the broker ends the session
     */
    ConsumerSession(Channel channel, ConsumerSettings consumer, ConcurrencyLimit limit, DeliveryProcessor processor,
                    FailedDeliveryRouter router, WorkManager workManager, BiConsumer<ConsumerSession, String> onLost,
                    String endpointName) {
        this.channel = channel;
        this.consumer = consumer;
        this.onLost = onLost;
        this.endpointName = endpointName;
        Settlement settlement = new Settlement(channel, router, this::ending, endpointName,
                processor.counters());
        this.dispatcher = new DeliveryDispatcher(workManager, limit,
                () -> processor.workerEndpoint(settlement, this::endpointUnavailable), settlement::requeue,
                endpointName);
    }

    /** Sets the prefetch and starts consuming. */
    void consume() throws IOException {
        // Told on the connection's own thread. The consumer's handleShutdownSignal is not enough: amqp-client
        // queues it behind pending deliveries and drops it when its dispatch pool is shut down before it ran.
        channel.addShutdownListener(signal -> lost(CloseReason.of(signal).describe()));
        channel.basicQos(consumer.prefetchCount());
        String tag = channel.basicConsume(consumer.queue(), false, new QueueConsumer(channel));
        synchronized (this) {
            consumerTag = tag;
        }
    }

    /**
     * Ends the session in the order that loses no finished work: cancels the consumer (the broker sends no more),
     * drops deliveries not started yet, waits (bounded) for those under way so that their acknowledgements reach
     * the broker, then closes the channel, which requeues whatever is unacknowledged. Idempotent.
     */
    void close() {
        String tag;
        synchronized (this) {
            closing = true;
            tag = consumerTag;
            consumerTag = null;
        }
        cancel(tag);
        dispatcher.stop();
        try {
            int left = dispatcher.awaitIdle(DRAIN_MILLIS);
            if (left > 0) {
                LOG.log(Level.WARNING, "{0}: {1} deliveries still running after {2} ms; closing the channel "
                        + "requeues them", endpointName, left, DRAIN_MILLIS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Channels.closeForGood(channel);
    }

    private void cancel(String tag) {
        if (tag == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.basicCancel(tag);
        } catch (IOException | ShutdownSignalException channelGone) {
            LOG.log(Level.DEBUG, "{0}: cancelling the consumer failed; the channel is closing: {1}", endpointName,
                    channelGone.toString());
        }
    }

    /** @return whether the session is ending: deactivated, or lost */
    private synchronized boolean ending() {
        return closing;
    }

    /** @return whether the session ended because the container could not create an instance of the bean */
    synchronized boolean refusedByContainer() {
        return refusedByContainer;
    }

    private void endpointUnavailable(String why) {
        synchronized (this) {
            refusedByContainer = true;
        }
        lost("the container cannot create an instance of the bean (" + why + "): its deployment may be under way, "
                + "have failed, or be ending; its messages went back to the queue");
    }

    private void lost(String reason) {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
        }
        if (first) {
            dispatcher.stop();
            onLost.accept(this, reason);
        }
    }

    /** Hands each delivery to the dispatcher; runs on amqp-client's dispatch thread for the channel. */
    private final class QueueConsumer extends DefaultConsumer {

        QueueConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                   byte[] body) {
            // The header of mandatory publishes is the publisher's business, not the bean's.
            dispatcher.dispatch(new DeliveredMessage(consumer.queue(), body, ReturnCorrelation.untag(properties),
                    envelope));
        }

        @Override
        public void handleCancel(String consumerTag) {
            lost("the broker cancelled the consumer (was queue '" + consumer.queue() + "' deleted?)");
        }

    }
}
