// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;

/**
 * How message-driven beans consume: flow, concurrency, retries and dead-lettering. Declared once, inherited by the
 * resource adapter (defaults for every bean on the server) and the activation spec (per bean); a property left
 * unset ({@code null}) takes the adapter's value, then the default in {@link ConsumerSettings} and
 * {@link RetryPolicy}. Set by the container before use; not thread-safe.
 *
 * <p>Not abstract, although only subclasses are used, for Open Liberty (see {@link ConnectionProperties}).
 */
public class ConsumerProperties extends ConnectionProperties {

    @Serial
    private static final long serialVersionUID = 1L;

    private Integer prefetchCount;
    private Integer maxConcurrency;
    private Integer maxAttempts;
    private Integer retryInitialDelayMillis;
    private Double retryMultiplier;
    private Integer retryMaxDelayMillis;
    private String deadLetterExchange;
    private Boolean declareRetryQueues;

    /** @return the prefetchCount property, or {@code null} when not set at this level */
    public Integer getPrefetchCount() {
        return prefetchCount;
    }

    /** @param prefetchCount see the description */
    @ConfigProperty(description = "How many unacknowledged messages the broker sends ahead to the bean "
            + "(basic.qos), 1 to 65535, at least maxConcurrency. Higher keeps a fast bean busy; lower spreads "
            + "messages across servers. Default: " + ConsumerSettings.DEFAULT_PREFETCH_COUNT)
    public void setPrefetchCount(Integer prefetchCount) {
        this.prefetchCount = prefetchCount;
    }

    /** @return the maxConcurrency property, or {@code null} when not set at this level */
    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    /** @param maxConcurrency see the description */
    @ConfigProperty(description = "How many messages the bean processes at once, on the container's WorkManager "
            + "threads; at least 1, at most prefetchCount, and at most the bean pool's max-pool-size (Payara: 32 by "
            + "default). 1 keeps the queue's order. Default: " + ConsumerSettings.DEFAULT_MAX_CONCURRENCY)
    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    /** @return the maxAttempts property, or {@code null} when not set at this level */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /** @param maxAttempts see the description */
    @ConfigProperty(description = "How many times a message is tried before it goes to the dead-letter target; "
            + "a try fails when onMessage throws or its transaction rolls back. At least 1 (1: no retry). Counted "
            + "in the message header x-rabbitjca-attempts, whatever the queue type. Default: "
            + RetryPolicy.DEFAULT_MAX_ATTEMPTS)
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** @return the retryInitialDelayMillis property, or {@code null} when not set at this level */
    public Integer getRetryInitialDelayMillis() {
        return retryInitialDelayMillis;
    }

    /** @param retryInitialDelayMillis see the description */
    @ConfigProperty(description = "How long a failed message waits before its second try, in milliseconds; each "
            + "later wait is retryMultiplier times longer, up to retryMaxDelayMillis. The message waits in a retry "
            + "queue on the broker, so it holds no prefetch slot and the other messages flow. 0 retries at once. "
            + "Default: " + RetryPolicy.DEFAULT_INITIAL_DELAY_MILLIS)
    public void setRetryInitialDelayMillis(Integer retryInitialDelayMillis) {
        this.retryInitialDelayMillis = retryInitialDelayMillis;
    }

    /** @return the retryMultiplier property, or {@code null} when not set at this level */
    public Double getRetryMultiplier() {
        return retryMultiplier;
    }

    /** @param retryMultiplier see the description */
    @ConfigProperty(description = "By how much each retry delay grows over the previous one; at least 1.0 "
            + "(1.0: fixed delay). Default: " + RetryPolicy.DEFAULT_MULTIPLIER)
    public void setRetryMultiplier(Double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    /** @return the retryMaxDelayMillis property, or {@code null} when not set at this level */
    public Integer getRetryMaxDelayMillis() {
        return retryMaxDelayMillis;
    }

    /** @param retryMaxDelayMillis see the description */
    @ConfigProperty(description = "The longest retry delay, in milliseconds; at least retryInitialDelayMillis. "
            + "Default: " + RetryPolicy.DEFAULT_MAX_DELAY_MILLIS)
    public void setRetryMaxDelayMillis(Integer retryMaxDelayMillis) {
        this.retryMaxDelayMillis = retryMaxDelayMillis;
    }

    /** @return the deadLetterExchange property, or {@code null} when not set at this level */
    public String getDeadLetterExchange() {
        return deadLetterExchange;
    }

    /** @param deadLetterExchange see the description */
    @ConfigProperty(description = "The exchange a message goes to after its last failed try, with the reason in "
            + "its headers (x-rabbitjca-failure, x-rabbitjca-attempts, x-rabbitjca-original-queue); routed with "
            + "deadLetterRoutingKey. The exchange must exist and route it: an unroutable dead letter stays in the "
            + "queue. Default: the default exchange, i.e. straight to the queue named by deadLetterRoutingKey, which "
            + "the adapter declares")
    public void setDeadLetterExchange(String deadLetterExchange) {
        this.deadLetterExchange = deadLetterExchange;
    }

    /** @return the declareRetryQueues property, or {@code null} when not set at this level */
    public Boolean getDeclareRetryQueues() {
        return declareRetryQueues;
    }

    /** @param declareRetryQueues see the description */
    @ConfigProperty(description = "Whether the adapter declares the retry queues (<queue>.retry.<delay>ms) and the "
            + "default dead-letter queue (<queue>.dlq) when the bean starts, which needs the configure permission on "
            + "them. false: they must exist (an operator creates them, with the arguments the configuration reference "
            + "gives); the adapter only checks that they do, which needs no permission, and fails the deployment "
            + "naming each one missing. Default: " + ConsumerSettings.DEFAULT_DECLARE_RETRY_QUEUES)
    public void setDeclareRetryQueues(Boolean declareRetryQueues) {
        this.declareRetryQueues = declareRetryQueues;
    }

    /**
     * Copies every consumer property set at this level over {@code target}, leaving the others untouched.
     *
     * @param target the more general level's values, overwritten where this level sets a property
     */
    void overlayConsumer(ConsumerProperties target) {
        if (prefetchCount != null) target.prefetchCount = prefetchCount;
        if (maxConcurrency != null) target.maxConcurrency = maxConcurrency;
        if (maxAttempts != null) target.maxAttempts = maxAttempts;
        if (retryInitialDelayMillis != null) target.retryInitialDelayMillis = retryInitialDelayMillis;
        if (retryMultiplier != null) target.retryMultiplier = retryMultiplier;
        if (retryMaxDelayMillis != null) target.retryMaxDelayMillis = retryMaxDelayMillis;
        if (deadLetterExchange != null) target.deadLetterExchange = deadLetterExchange;
        if (declareRetryQueues != null) target.declareRetryQueues = declareRetryQueues;
    }
}
