// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.broker.Causes;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.settings.ConsumerSettings;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Decides what happens to a delivery whose try failed, and sends it there with a confirm: to the retry queue of
 * its next delay (or straight back to its queue when the delay is 0) while tries are left, else to the dead-letter
 * target with the reason in its headers; an {@link UnreadableMessageException} at once, since no try can succeed.
 * The caller acknowledges the original only after this returned normally, so a message is never lost between the
 * two; a crash in between means one duplicate.
 */
final class FailedDeliveryRouter {

    private static final System.Logger LOG = System.getLogger(FailedDeliveryRouter.class.getName());
    /** Header with the failure that dead-lettered a message: exception class and message. */
    static final String FAILURE_HEADER = "x-rabbitjca-failure";
    /** Header with the queue a dead letter was consumed from. */
    static final String ORIGINAL_QUEUE_HEADER = "x-rabbitjca-original-queue";
    /** Header with the exchange a dead letter was first published to. */
    static final String ORIGINAL_EXCHANGE_HEADER = "x-rabbitjca-original-exchange";
    /** Header with the routing key a dead letter was first published with. */
    static final String ORIGINAL_ROUTING_KEY_HEADER = "x-rabbitjca-original-routing-key";
    /** Header with the time a message was dead-lettered, in milliseconds since the epoch. */
    static final String FAILED_AT_HEADER = "x-rabbitjca-failed-at";
    private static final int MAX_REASON_LENGTH = 1_000;

    private final ConsumerSettings consumer;
    private final ConfirmedPublisher publisher;
    private final String endpointName;
    private final Counters counters;

    /** @param counters the bean's counts of retried and dead-lettered deliveries */
    FailedDeliveryRouter(ConsumerSettings consumer, ConfirmedPublisher publisher, String endpointName,
                         Counters counters) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.endpointName = endpointName;
        this.counters = counters;
    }

    /**
     * Sends a failed delivery to its retry or dead-letter destination.
     *
     * @param message the delivery whose try failed
     * @param failure why it failed
     * @throws IOException when the broker did not take the copy; the caller must requeue the original
     */
    void route(DeliveredMessage message, Throwable failure) throws IOException, TimeoutException, InterruptedException {
        int failed = message.failedAttemptsBefore() + 1;
        Map<String, Object> headers = message.properties().getHeaders() == null ? new HashMap<>()
                : new HashMap<>(message.properties().getHeaders());
        headers.put(DeliveredMessage.ATTEMPTS_HEADER, failed);
        if (consumer.retry().allowsRetryAfter(failed) && !(failure instanceof UnreadableMessageException)) {
            int delay = consumer.retry().delayAfter(failed);
            String target = delay == 0 ? consumer.queue() : TopologyDeclarer.retryQueue(consumer.queue(), delay);
            publisher.publish("", target, withHeaders(message, headers), message.body());
            counters.increment(Measure.RETRIED);
            LOG.log(Level.DEBUG, "{0}: try {1} of {2} failed ({3}); retry in {4} ms", endpointName, failed, message,
                    failure, delay);
            return;
        }
        String reason = reason(failure);
        headers.put(FAILURE_HEADER, reason);
        headers.put(ORIGINAL_QUEUE_HEADER, consumer.queue());
        headers.put(ORIGINAL_EXCHANGE_HEADER, message.envelope().getExchange());
        headers.put(ORIGINAL_ROUTING_KEY_HEADER, message.envelope().getRoutingKey());
        headers.put(FAILED_AT_HEADER, System.currentTimeMillis());
        publisher.publish(consumer.deadLetterExchange(), consumer.deadLetterRoutingKey(), withHeaders(message, headers),
                message.body());
        counters.increment(Measure.DEAD_LETTERED);
        LOG.log(Level.WARNING, "{0}: {1} failed {2} times, the last with {3}; moved to {4}", endpointName, message,
                failed, reason, deadLetterTarget());
    }

    private String deadLetterTarget() {
        return consumer.deadLetterExchange().isEmpty() ? "queue '" + consumer.deadLetterRoutingKey() + "'"
                : "exchange '" + consumer.deadLetterExchange() + "' with routing key '"
                + consumer.deadLetterRoutingKey() + "'";
    }

    private static AMQP.BasicProperties withHeaders(DeliveredMessage message, Map<String, Object> headers) {
        return message.properties().builder().headers(headers).build();
    }

    private static String reason(Throwable failure) {
        Throwable root = Causes.root(failure);
        String text = root == failure ? failure.toString() : failure + " caused by " + root;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
