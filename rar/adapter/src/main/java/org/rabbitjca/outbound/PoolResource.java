// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.Counters;

/**
 * One pool as monitoring sees it: the state of its group of connections, the group's blocked time and recoveries,
 * and the counts its channels keep. A group may be shared with pools of equal settings; they then report the
 * same state, blocked time and recoveries.
 */
final class PoolResource implements MonitoredResource {

    private final String name;
    private final ConnectionGroup group;
    private final Counters counters;

    PoolResource(String name, ConnectionGroup group, Counters counters) {
        this.name = name;
        this.group = group;
        this.counters = counters;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.POOL;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ResourceState state() {
        return group.state();
    }

    @Override
    public long value(Measure measure) {
        return switch (measure) {
            case BLOCKED_TIME -> group.blockedNanos();
            case CONNECTION_RECOVERIES -> group.recoveries();
            default -> counters.value(measure);
        };
    }

    @Override
    public String toString() {
        return "pool '" + name + "'";
    }
}
