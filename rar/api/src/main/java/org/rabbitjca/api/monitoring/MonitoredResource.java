// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

/**
 * One pool or one message-driven bean the adapter serves, read live: every call reads the adapter's current state
 * and counts, without locking the paths that publish and deliver. Implemented by the adapter.
 */
public interface MonitoredResource {

    /** @return whether this is a pool or a bean */
    ResourceKind kind();

    /**
     * @return the pool's connection name (its {@code connectionName} property, followed by " #2", " #3" ... when
     *         pools with other settings have the same one; pools with equal settings are one resource), or the
     *         bean's class name; stable while the resource lives
     */
    String name();

    /** @return the resource's condition now */
    ResourceState state();

    /**
     * @param measure one of the measures of this resource's {@link #kind()}
     * @return its value now: a count since the resource was created, a total time in nanoseconds, or a current
     *         level, as {@link Measure#type()} says
     * @throws IllegalArgumentException for a measure of the other kind
     */
    long value(Measure measure);
}
