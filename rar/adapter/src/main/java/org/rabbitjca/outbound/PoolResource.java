// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.Counters;
import org.rabbitjca.broker.MonitoredResources;

/**
 * One pool as monitoring sees it: the state of its group of connections, the group's blocked time and recoveries,
 * and the counts its channels keep. Pools with equal settings share one group of connections, and so one resource:
 * a pool created again (an application redeployed with its own pool) goes on counting where the last one stopped,
 * instead of appearing a second time beside a pool that no longer serves anyone.
 */
final class PoolResource implements MonitoredResource {

    private final String name;
    private final ConnectionGroup group;
    private final Counters counters;

    private PoolResource(String name, ConnectionGroup group) {
        this.name = name;
        this.group = group;
        this.counters = new Counters(ResourceKind.POOL);
    }

    /**
     * @param group the pool's group of connections
     * @param name the name it would like, its connection name
     * @return the resource of the pools on that group: the one registered already, else a new one, registered
     */
    static synchronized PoolResource of(ConnectionGroup group, String name) {
        for (MonitoredResource resource : RabbitMonitoring.resources()) {
            if (resource instanceof PoolResource pool && pool.group == group) {
                return pool;
            }
        }
        return MonitoredResources.register(ResourceKind.POOL, name, unique -> new PoolResource(unique, group));
    }

    /** @return the counts the pool's channels add to */
    Counters counters() {
        return counters;
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
