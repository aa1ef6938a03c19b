// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.microprofile;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.rabbitjca.api.monitoring.RabbitMonitoring;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lends the adapter the application's OpenTelemetry tracer (MicroProfile Telemetry), when the server has one, so
 * that every delivery to the application's message-driven beans runs in a consumer span whose parent is the
 * message's {@code traceparent}. The adapter cannot take the tracer itself: the server gives one to each
 * application. Without the OpenTelemetry API nothing happens; the adapter still carries the trace context.
 */
@ApplicationScoped
public class RabbitTelemetry {

    private static final Logger LOG = Logger.getLogger(RabbitTelemetry.class.getName());
    private ClassLoader application;

    /** Lends the tracer when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ClassLoader loader = RabbitTelemetry.class.getClassLoader();
        try {
            Class.forName("io.opentelemetry.api.trace.Tracer", false, loader);
        } catch (ClassNotFoundException | LinkageError noTelemetry) {
            LOG.log(Level.FINE, "No OpenTelemetry API: deliveries get no consumer span", noTelemetry);
            return;
        }
        if (ConsumerSpans.lend(loader)) {
            application = loader;
        }
    }

    /** Takes the tracer back when the application stops. */
    @PreDestroy
    void stop() {
        if (application != null) {
            RabbitMonitoring.trace(application, null);
        }
    }
}
