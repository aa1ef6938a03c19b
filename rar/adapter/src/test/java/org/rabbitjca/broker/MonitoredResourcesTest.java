// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.api.monitoring.ResourceState;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Names stay unique per kind; a listener hears of what exists when it is added, then of every change. */
class MonitoredResourcesTest {

    private final List<String> heard = new ArrayList<>();
    private final RabbitMonitoring.Listener listener = new RabbitMonitoring.Listener() {
        @Override
        public void added(MonitoredResource resource) {
            heard.add("+" + resource.name());
        }

        @Override
        public void removed(MonitoredResource resource) {
            heard.add("-" + resource.name());
        }
    };

    @AfterEach
    void unregisterEverything() {
        RabbitMonitoring.removeListener(listener);
        RabbitMonitoring.resources().forEach(RabbitMonitoring::unregister);
    }

    @Test
    void aNameTakenByAResourceOfTheSameKindGetsANumber() {
        MonitoredResource first = MonitoredResources.register(ResourceKind.POOL, "orders", Fixed::pool);
        MonitoredResource second = MonitoredResources.register(ResourceKind.POOL, "orders", Fixed::pool);
        MonitoredResource bean = MonitoredResources.register(ResourceKind.BEAN, "orders", Fixed::bean);
        RabbitMonitoring.unregister(first);
        MonitoredResource third = MonitoredResources.register(ResourceKind.POOL, "orders", Fixed::pool);

        assertAll(() -> assertEquals("orders", first.name()),
                () -> assertEquals("orders #2", second.name()),
                () -> assertEquals("orders", bean.name(), "another kind's names are its own"),
                () -> assertEquals("orders", third.name(), "a name is free again once its resource is gone"));
    }

    @Test
    void aListenerHearsWhatExistsThenWhatComesAndGoes() {
        MonitoredResource before = MonitoredResources.register(ResourceKind.POOL, "before", Fixed::pool);
        RabbitMonitoring.addListener(listener);
        MonitoredResource after = MonitoredResources.register(ResourceKind.BEAN, "after", Fixed::bean);
        RabbitMonitoring.unregister(before);
        RabbitMonitoring.unregister(before);
        RabbitMonitoring.removeListener(listener);
        RabbitMonitoring.unregister(after);

        assertEquals(List.of("+before", "+after", "-before"), heard);
    }

    @Test
    void countersRefuseAMeasureOfTheOtherKind() {
        Counters counters = new Counters(ResourceKind.POOL);
        counters.increment(Measure.PUBLISHED);
        counters.add(Measure.CHANNELS_OPEN, 2);
        counters.add(Measure.CHANNELS_OPEN, -1);

        assertAll(() -> assertEquals(1, counters.value(Measure.PUBLISHED)),
                () -> assertEquals(1, counters.value(Measure.CHANNELS_OPEN)),
                () -> assertEquals("DELIVERED is not a measure of a pool", assertThrows(
                        IllegalArgumentException.class, () -> counters.increment(Measure.DELIVERED)).getMessage()));
    }

    private record Fixed(ResourceKind kind, String name) implements MonitoredResource {
        static Fixed pool(String name) {
            return new Fixed(ResourceKind.POOL, name);
        }

        static Fixed bean(String name) {
            return new Fixed(ResourceKind.BEAN, name);
        }

        @Override
        public ResourceState state() {
            return ResourceState.UP;
        }

        @Override
        public long value(Measure measure) {
            return 0;
        }
    }
}
