// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.util.List;

/**
 * What the adapter declares for a message-driven bean before it consumes.
 *
 * @param declareQueue whether to declare the queue
 * @param queueType {@code classic} or {@code quorum}
 * @param exchange an exchange to declare and bind the queue to, or {@code null}
 * @param exchangeType the exchange's type
 * @param routingKeys the binding keys, never empty when {@code exchange} is set
 * @param declareRetryQueues whether to declare the retry queues and the default dead-letter queue, or only check
 *                           that they exist
 */
public record QueueTopology(boolean declareQueue, String queueType, String exchange, String exchangeType,
                            List<String> routingKeys, boolean declareRetryQueues) {

    /** Default of {@code queueType}. */
    public static final String DEFAULT_QUEUE_TYPE = "classic";
    /** Default of {@code exchangeType}. */
    public static final String DEFAULT_EXCHANGE_TYPE = "direct";
    /** Queue types {@code queueType} accepts. */
    public static final List<String> QUEUE_TYPES = List.of("classic", "quorum");
    /** Exchange types {@code exchangeType} accepts. */
    public static final List<String> EXCHANGE_TYPES = List.of("direct", "topic", "fanout", "headers");

    /** Copies the key list so the record stays immutable. */
    public QueueTopology {
        routingKeys = List.copyOf(routingKeys);
    }
}
