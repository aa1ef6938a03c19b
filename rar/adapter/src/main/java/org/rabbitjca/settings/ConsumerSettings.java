// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The validated consumer settings of one message-driven bean endpoint, beyond its connection settings.
 *
 * @param queue the queue to consume from
 * @param topology what the adapter declares before consuming
 * @param prefetchCount how many unacknowledged deliveries the broker sends ahead (basic.qos)
 * @param maxConcurrency how many deliveries the endpoint processes at once
 * @param retry when failed deliveries are tried again
 * @param deadLetterExchange where a message goes after its last failed try; {@code ""} is the default exchange
 * @param deadLetterRoutingKey its routing key; with the default exchange, the dead-letter queue's name
 */
public record ConsumerSettings(String queue, QueueTopology topology, int prefetchCount, int maxConcurrency,
                               RetryPolicy retry, String deadLetterExchange, String deadLetterRoutingKey) {

    /** Default of {@code prefetchCount}. Not 1: a prefetch of 1 costs a network round trip per message. */
    public static final int DEFAULT_PREFETCH_COUNT = 50;
    /** Default of {@code maxConcurrency}; below the containers' default cap of bean instances (Payara: 32). */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;
    /** Default of {@code declareQueue}: the queue must exist. */
    public static final boolean DEFAULT_DECLARE_QUEUE = false;
    /** Default of {@code declareRetryQueues}: the adapter declares them. */
    public static final boolean DEFAULT_DECLARE_RETRY_QUEUES = true;
    /** Suffix of the default dead-letter queue's name. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /**
     * Resolves and validates the consumer settings of one endpoint.
     *
     * @param where names the endpoint in error messages
     * @param adapter the adapter's defaults, or {@code null}
     * @param endpoint the endpoint's activation properties
     * @return the validated settings
     * @throws InvalidSettingsException listing every invalid activation property
     */
    public static ConsumerSettings resolve(String where, ConsumerProperties adapter, EndpointProperties endpoint)
            throws InvalidSettingsException {
        Problems problems = new Problems();
        ConsumerSettings settings = resolve(problems, adapter, endpoint);
        problems.throwIfAny(where);
        return settings;
    }

    /**
     * Like {@link #resolve(String, ConsumerProperties, EndpointProperties)}, adding every problem to
     * {@code problems}, so that the caller reports them with those of the connection settings.
     *
     * @return the settings, or {@code null} when a problem was found
     */
    static ConsumerSettings resolve(Problems problems, ConsumerProperties adapter, EndpointProperties endpoint) {
        ConsumerProperties merged = new ConsumerProperties() { };
        if (adapter != null) {
            adapter.overlayConsumer(merged);
        }
        endpoint.overlayConsumer(merged);
        int before = problems.count();
        String queue = endpoint.getQueue() == null ? null : endpoint.getQueue().trim();
        if (queue == null || queue.isEmpty()) {
            // Payara drops an activation config property with an empty value, so "" arrives as null.
            problems.add("activation property 'queue' is " + (endpoint.getQueue() == null ? "missing or empty"
                    : "blank") + "; name the queue to consume from: @ActivationConfigProperty(propertyName = "
                    + "\"queue\", propertyValue = \"orders\")");
        }
        QueueTopology topology = topology(endpoint, queue,
                Objects.requireNonNullElse(merged.getDeclareRetryQueues(), DEFAULT_DECLARE_RETRY_QUEUES), problems);
        int bounds = problems.count();
        int prefetch = problems.between("prefetchCount", merged.getPrefetchCount(), DEFAULT_PREFETCH_COUNT, 1, 65_535,
                "unacknowledged messages the broker sends ahead");
        int concurrency = problems.atLeast("maxConcurrency", merged.getMaxConcurrency(), DEFAULT_MAX_CONCURRENCY, 1,
                "messages processed at once");
        // Compared only when both are valid: the advice would be nonsense otherwise.
        if (problems.count() == bounds && concurrency > prefetch) {
            problems.add("maxConcurrency is " + concurrency + " but prefetchCount is only " + prefetch
                    + "; the broker would never send enough messages to use them: raise prefetchCount to at least "
                    + concurrency + " or lower maxConcurrency");
        }
        RetryPolicy retry = retry(merged, problems);
        String deadLetterExchange = merged.getDeadLetterExchange() == null ? "" : merged.getDeadLetterExchange().trim();
        String deadLetterRoutingKey = endpoint.getDeadLetterRoutingKey() != null
                ? endpoint.getDeadLetterRoutingKey().trim() : queue + DEAD_LETTER_SUFFIX;
        if (deadLetterExchange.isEmpty() && deadLetterRoutingKey.isEmpty()) {
            problems.add("deadLetterRoutingKey is empty while deadLetterExchange is the default exchange: dead "
                    + "letters would have nowhere to go; name a queue, or leave it unset for '<queue>.dlq'");
        }
        if (problems.count() > before) {
            return null;
        }
        return new ConsumerSettings(queue, topology, prefetch, concurrency, retry, deadLetterExchange,
                deadLetterRoutingKey);
    }

    private static QueueTopology topology(EndpointProperties endpoint, String queue, boolean declareRetryQueues,
                                          Problems problems) {
        boolean declareQueue = Objects.requireNonNullElse(endpoint.getDeclareQueue(), DEFAULT_DECLARE_QUEUE);
        String queueType = oneOf(problems, "queueType", endpoint.getQueueType(), QueueTopology.DEFAULT_QUEUE_TYPE,
                QueueTopology.QUEUE_TYPES);
        String exchange = endpoint.getExchange() == null || endpoint.getExchange().isBlank() ? null
                : endpoint.getExchange().trim();
        String exchangeType = oneOf(problems, "exchangeType", endpoint.getExchangeType(),
                QueueTopology.DEFAULT_EXCHANGE_TYPE, QueueTopology.EXCHANGE_TYPES);
        List<String> routingKeys = endpoint.getRoutingKeys() == null ? List.of(queue == null ? "" : queue)
                : Arrays.stream(endpoint.getRoutingKeys().split(",")).map(String::trim).toList();
        if (exchange == null && (endpoint.getRoutingKeys() != null || endpoint.getExchangeType() != null)) {
            problems.add("routingKeys or exchangeType is set but exchange is not: name the exchange to bind the "
                    + "queue to, or remove them");
        }
        return new QueueTopology(declareQueue, queueType, exchange, exchangeType, routingKeys, declareRetryQueues);
    }

    private static RetryPolicy retry(ConsumerProperties merged, Problems problems) {
        int attempts = problems.atLeast("maxAttempts", merged.getMaxAttempts(), RetryPolicy.DEFAULT_MAX_ATTEMPTS, 1,
                "tries in all; 1 means no retry");
        int initialCheck = problems.count();
        int initial = problems.atLeast("retryInitialDelayMillis", merged.getRetryInitialDelayMillis(),
                RetryPolicy.DEFAULT_INITIAL_DELAY_MILLIS, 0, "milliseconds before the second try");
        boolean initialValid = problems.count() == initialCheck;
        double multiplier = merged.getRetryMultiplier() == null ? RetryPolicy.DEFAULT_MULTIPLIER
                : merged.getRetryMultiplier();
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            problems.add("retryMultiplier is " + multiplier + " but must be a number of at least 1.0 (1.0 keeps "
                    + "the delay fixed)");
        }
        int max = problems.atLeast("retryMaxDelayMillis", merged.getRetryMaxDelayMillis(),
                Math.max(RetryPolicy.DEFAULT_MAX_DELAY_MILLIS, initial), initialValid ? initial : 0,
                initialValid ? "milliseconds; the longest retry delay, not below retryInitialDelayMillis"
                        : "milliseconds; the longest retry delay");
        return new RetryPolicy(attempts, initial, multiplier, max);
    }

    private static String oneOf(Problems problems, String property, String value, String defaultValue,
                                List<String> allowed) {
        if (value == null) {
            return defaultValue;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            problems.add(property + " is '" + value + "' but must be one of " + String.join(", ", allowed));
        }
        return normalized;
    }
}
