// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.QueueTopology;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declares what an endpoint needs before it consumes: its queue and bindings when asked to, the retry queues its
 * retry policy uses, and the default dead-letter queue. All declarations are idempotent; one that conflicts with an
 * existing queue or exchange closes the channel with the broker's reason (406 PRECONDITION_FAILED).
 *
 * <p>A retry queue {@code <queue>.retry.<delay>ms} holds failed messages for {@code delay} milliseconds (queue TTL,
 * so the first in is the first out) and then dead-letters them back to {@code <queue>} through the default
 * exchange. One queue per distinct delay, because per-message TTLs in one queue expire only at its head. Retry
 * queues and the default dead-letter queue have the consumed queue's type ({@code queueType}): classic ones live on
 * one node, and an endpoint whose retry queue's node is down could not start on the others.
 */
final class TopologyDeclarer {

    private TopologyDeclarer() {
    }

    static void declare(Channel channel, ConsumerSettings consumer) throws IOException {
        QueueTopology topology = consumer.topology();
        if (topology.declareQueue()) {
            // A classic queue is declared without arguments, so that it matches queues declared the plain way.
            channel.queueDeclare(consumer.queue(), true, false, false,
                    "classic".equals(topology.queueType()) ? null : Map.of("x-queue-type", topology.queueType()));
        }
        if (topology.exchange() != null) {
            channel.exchangeDeclare(topology.exchange(), topology.exchangeType(), true);
            for (String routingKey : topology.routingKeys()) {
                channel.queueBind(consumer.queue(), topology.exchange(), routingKey);
            }
        }
        boolean quorum = "quorum".equals(topology.queueType());
        for (int delay : retryDelays(consumer)) {
            Map<String, Object> arguments = new HashMap<>(Map.of("x-message-ttl", delay,
                    "x-dead-letter-exchange", "", "x-dead-letter-routing-key", consumer.queue()));
            if (quorum) {
                // Replicated like the queue, and handing expired messages back with the broker's own confirms
                // (a quorum queue's default dead-lettering may drop a message when a node fails meanwhile).
                arguments.putAll(Map.of("x-queue-type", "quorum", "x-dead-letter-strategy", "at-least-once",
                        "x-overflow", "reject-publish"));
            }
            channel.queueDeclare(retryQueue(consumer.queue(), delay), true, false, false, arguments);
        }
        if (consumer.deadLetterExchange().isEmpty()) {
            channel.queueDeclare(consumer.deadLetterRoutingKey(), true, false, false,
                    quorum ? Map.of("x-queue-type", "quorum") : null);
        }
    }

    /** @return the name of the queue holding retries of {@code queue} for {@code delayMillis} */
    static String retryQueue(String queue, int delayMillis) {
        return queue + ".retry." + delayMillis + "ms";
    }

    private static Set<Integer> retryDelays(ConsumerSettings consumer) {
        Set<Integer> delays = new TreeSet<>();
        for (int failed = 1; consumer.retry().allowsRetryAfter(failed); failed++) {
            int delay = consumer.retry().delayAfter(failed);
            if (delay > 0) {
                delays.add(delay);
            }
        }
        return delays;
    }
}
