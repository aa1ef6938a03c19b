// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

import java.util.Arrays;
import java.util.List;

/**
 * What the adapter counts, per pool and per message-driven bean. Counts and times start at zero when the pool or
 * the bean's activation is created and only grow; levels go up and down.
 */
public enum Measure {
    /** Messages a pool sent to the broker (a message held for a transaction counts when it leaves, at commit). */
    PUBLISHED(ResourceKind.POOL, Type.COUNT, "published", "Messages sent to the broker"),
    /** Messages the broker confirmed it stored (publisher confirms). */
    CONFIRMED(ResourceKind.POOL, Type.COUNT, "confirmed", "Messages the broker confirmed"),
    /** Messages the broker refused (a nack): the publish failed with PublishNackedException. */
    NACKED(ResourceKind.POOL, Type.COUNT, "nacked", "Messages the broker refused (nack)"),
    /** Mandatory messages the broker returned as unroutable: the publish failed with PublishReturnedException. */
    RETURNED(ResourceKind.POOL, Type.COUNT, "returned", "Mandatory messages returned as unroutable"),
    /** Publishes not confirmed within confirmTimeoutMillis: they failed with PublishTimeoutException. */
    CONFIRM_TIMEOUTS(ResourceKind.POOL, Type.COUNT, "confirm.timeouts",
            "Publishes not confirmed within confirmTimeoutMillis"),
    /**
     * Time from sending to the broker's answer (ack, nack or return), summed over every answered publish: divided
     * by confirmed + nacked + returned it is the mean confirm wait.
     */
    CONFIRM_WAIT(ResourceKind.POOL, Type.TIME, "confirm.wait", "Time spent waiting for confirms, summed"),
    /** Pooled channels open now. */
    CHANNELS_OPEN(ResourceKind.POOL, Type.LEVEL, "channels.open", "Pooled channels open now"),
    /** Time the broker blocked the pool's connections (memory or disk alarm), summed over its connections. */
    BLOCKED_TIME(ResourceKind.POOL, Type.TIME, "blocked.time", "Time the broker blocked publishing, summed"),
    /** Connections of the pool that amqp-client recovered after a failure. */
    CONNECTION_RECOVERIES(ResourceKind.POOL, Type.COUNT, "connection.recoveries",
            "Connections recovered after a failure"),

    /** Messages handed to the bean (every try counts). */
    DELIVERED(ResourceKind.BEAN, Type.COUNT, "delivered", "Messages handed to the bean, every try"),
    /** Deliveries the bean processed and the adapter acknowledged. */
    ACKNOWLEDGED(ResourceKind.BEAN, Type.COUNT, "acknowledged", "Deliveries processed and acknowledged"),
    /** Failed deliveries sent to a retry queue (or requeued when the bean has no retry queues). */
    RETRIED(ResourceKind.BEAN, Type.COUNT, "retried", "Failed deliveries sent to be tried again"),
    /** Failed deliveries sent to the dead-letter target (maxAttempts reached, or an unreadable message). */
    DEAD_LETTERED(ResourceKind.BEAN, Type.COUNT, "dead.lettered", "Failed deliveries dead-lettered"),
    /** Deliveries the broker flagged as redelivered (the message was delivered before, e.g. before a crash). */
    REDELIVERED(ResourceKind.BEAN, Type.COUNT, "redelivered", "Deliveries the broker flagged as redelivered"),
    /** Time the bean spent on deliveries, summed: divided by delivered it is the mean processing time. */
    PROCESSING_TIME(ResourceKind.BEAN, Type.TIME, "processing.time", "Time the bean spent on deliveries, summed"),
    /** Consumers subscribed for the bean now: 1 while it consumes, 0 while it is down. */
    CONSUMERS(ResourceKind.BEAN, Type.LEVEL, "consumers", "Consumers subscribed now"),
    /** Times the bean's consumer was started again after the broker ended it. */
    RESTARTS(ResourceKind.BEAN, Type.COUNT, "restarts", "Consumer restarts after a loss");

    /** How a measure's value reads. */
    public enum Type {
        /** A count of events since the resource was created. */
        COUNT,
        /** A total time in nanoseconds since the resource was created. */
        TIME,
        /** A current level. */
        LEVEL
    }

    private final ResourceKind kind;
    private final Type type;
    private final String key;
    private final String description;

    Measure(ResourceKind kind, Type type, String key, String description) {
        this.kind = kind;
        this.type = type;
        this.key = key;
        this.description = description;
    }

    /** @return whether pools or beans have this measure */
    public ResourceKind kind() {
        return kind;
    }

    /** @return how its value reads */
    public Type type() {
        return type;
    }

    /** @return its name below the kind, dot-separated: {@code confirm.wait} */
    public String key() {
        return key;
    }

    /** @return one line saying what it counts */
    public String description() {
        return description;
    }

    /**
     * @param kind pools or beans
     * @return the measures of that kind, in declaration order
     */
    public static List<Measure> of(ResourceKind kind) {
        return Arrays.stream(values()).filter(measure -> measure.kind == kind).toList();
    }
}
