// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * The validated consumer settings of one message-driven bean endpoint, beyond its connection settings.
 *
 * @param queue the queue to consume from
 * @param declareQueue whether the adapter declares the queue (durable, classic, no arguments) before consuming
 * @param prefetchCount how many unacknowledged deliveries the broker sends ahead (basic.qos)
 * @param maxConcurrency how many deliveries the endpoint processes at once
 */
public record ConsumerSettings(String queue, boolean declareQueue, int prefetchCount, int maxConcurrency) {

    /**
     * Default prefetch. Not 1: a prefetch of 1 costs a network round trip per message. The property that sets it
     * per endpoint comes with concurrency control.
     */
    public static final int DEFAULT_PREFETCH_COUNT = 50;

    /**
     * Default of the deliveries processed at once; below the containers' default cap of message-driven bean
     * instances (Payara: 32). The property that sets it per endpoint comes with the prefetch property.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;

    /**
     * Resolves and validates the activation properties of one endpoint.
     *
     * @param where names the endpoint in error messages
     * @param queue the {@code queue} activation property
     * @param declareQueue the {@code declareQueue} activation property, {@code null} for the default (false)
     * @return the validated settings
     * @throws InvalidSettingsException listing every invalid property
     */
    public static ConsumerSettings resolve(String where, String queue, Boolean declareQueue) throws InvalidSettingsException {
        Problems problems = new Problems();
        if (queue == null || queue.isBlank()) {
            // Payara drops an activation config property with an empty value, so "" arrives as null.
            problems.add("activation property 'queue' is " + (queue == null ? "missing or empty" : "blank")
                    + "; name the queue to consume from: @ActivationConfigProperty(propertyName = \"queue\", "
                    + "propertyValue = \"orders\")");
        }
        problems.throwIfAny(where);
        return new ConsumerSettings(queue.trim(), Boolean.TRUE.equals(declareQueue), DEFAULT_PREFETCH_COUNT,
                DEFAULT_MAX_CONCURRENCY);
    }
}
