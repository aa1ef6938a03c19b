// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.api.monitoring.ResourceKind;

import java.util.function.Function;

/** Registers the adapter's pools and beans in {@link RabbitMonitoring} under names no other resource has. */
public final class MonitoredResources {

    private MonitoredResources() {
    }

    /**
     * @param kind pool or bean
     * @param name the name it would like: a pool's connection name, a bean's class name
     * @param build makes the resource under the name it gets: the one asked for, or with " #2", " #3"... when a
     *              resource of the same kind has it already
     * @return the registered resource; unregister it with {@link RabbitMonitoring#unregister} when it ends
     */
    public static synchronized <R extends MonitoredResource> R register(ResourceKind kind, String name,
                                                                        Function<String, R> build) {
        String unique = name;
        for (int n = 2; taken(kind, unique); n++) {
            unique = name + " #" + n;
        }
        R resource = build.apply(unique);
        RabbitMonitoring.register(resource);
        return resource;
    }

    private static boolean taken(ResourceKind kind, String name) {
        return RabbitMonitoring.resources().stream()
                .anyMatch(resource -> resource.kind() == kind && resource.name().equals(name));
    }
}
