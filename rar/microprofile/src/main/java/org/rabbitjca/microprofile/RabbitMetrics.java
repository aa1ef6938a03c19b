// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.microprofile;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.RabbitMonitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the adapter's counts in the application's MicroProfile metric registry once the application starts, and
 * keeps them in step as pools and beans come and go: one gauge per {@link Measure} and resource, named
 * {@code rabbitjca.<pool|bean>.<measure>} and tagged {@code pool=<name>} or {@code bean=<name>}; times in
 * nanoseconds, which the Prometheus output shows in seconds. Counts are gauges whose value only grows: MicroProfile
 * Metrics 5.1 has no counter whose value is read from a function, and counting twice (in the adapter and here)
 * would cost every message. Bundle this jar in one application: two would register the same series twice.
 */
@ApplicationScoped
public class RabbitMetrics implements RabbitMonitoring.Listener {

    /** The prefix of every metric name. */
    public static final String PREFIX = "rabbitjca";

    @Inject
    MetricRegistry registry;

    private final Map<MonitoredResource, List<MetricID>> registered = new ConcurrentHashMap<>();

    /** Starts following the adapter when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        RabbitMonitoring.addListener(this);
    }

    /** Stops following it, and removes its metrics, when the application stops. */
    @PreDestroy
    void stop() {
        RabbitMonitoring.removeListener(this);
        registered.keySet().forEach(this::removed);
    }

    @Override
    public void added(MonitoredResource resource) {
        Tag tag = new Tag(resource.kind().label(), resource.name());
        List<MetricID> ids = Measure.of(resource.kind()).stream().map(measure -> {
            Metadata metadata = Metadata.builder()
                    .withName(name(measure))
                    .withDescription(measure.description())
                    .withUnit(measure.type() == Measure.Type.TIME ? MetricUnits.NANOSECONDS : MetricUnits.NONE)
                    .build();
            registry.gauge(metadata, () -> resource.value(measure), tag);
            return new MetricID(metadata.getName(), tag);
        }).toList();
        registered.put(resource, ids);
    }

    @Override
    public void removed(MonitoredResource resource) {
        List<MetricID> ids = registered.remove(resource);
        if (ids != null) {
            ids.forEach(registry::remove);
        }
    }

    /**
     * @param measure a measure
     * @return its metric name: {@code rabbitjca.pool.confirm.wait}
     */
    public static String name(Measure measure) {
        return PREFIX + "." + measure.kind().label() + "." + measure.key();
    }
}
