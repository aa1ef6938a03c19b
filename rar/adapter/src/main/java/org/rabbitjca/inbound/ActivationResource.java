// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.broker.Counters;

import java.util.function.Supplier;

/** One message-driven bean's activation as monitoring sees it: its consumer's state and the bean's counts. */
final class ActivationResource implements MonitoredResource {

    private final String name;
    private final Supplier<ResourceState> state;
    private final Counters counters;

    /**
     * @param state reads the consumer's state: up while subscribed, else down with the last error
     * @param counters the bean's counts; its {@link Measure#CONSUMERS} level follows the state, not a count
     */
    ActivationResource(String name, Supplier<ResourceState> state, Counters counters) {
        this.name = name;
        this.state = state;
        this.counters = counters;
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.BEAN;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ResourceState state() {
        return state.get();
    }

    @Override
    public long value(Measure measure) {
        return measure == Measure.CONSUMERS ? (state().condition().ready() ? 1 : 0) : counters.value(measure);
    }

    @Override
    public String toString() {
        return "bean '" + name + "'";
    }
}
