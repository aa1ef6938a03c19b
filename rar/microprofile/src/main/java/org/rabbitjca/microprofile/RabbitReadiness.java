// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.rabbitjca.api.monitoring.MonitoredResource;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.api.monitoring.ResourceState;

import java.time.temporal.ChronoUnit;

/**
 * The readiness check {@code rabbitmq-jca}: DOWN while any pool or message-driven bean of the adapter is down or
 * blocked, with one data entry per pool and bean ({@code pool orders-app}, {@code bean org.example.OrderListener})
 * saying {@code UP}, {@code IDLE} (a pool opening its first connection), or the condition, since when, why, and
 * when the next attempt is. It reads the adapter's state and never connects, so it is cheap to call often.
 */
@Readiness
@ApplicationScoped
public class RabbitReadiness implements HealthCheck {

    /** The check's name in the server's health output. */
    public static final String NAME = "rabbitmq-jca";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean ready = true;
        try {
            for (MonitoredResource resource : RabbitMonitoring.resources()) {
                ResourceState state = resource.state();
                ready &= state.condition().ready();
                response.withData(resource.kind().label() + " " + resource.name(), describe(state));
            }
        } catch (RuntimeException | LinkageError unreadable) {
            // A check that throws makes the whole endpoint answer 500 without a body: say why instead.
            ready = false;
            response.withData("error", "cannot read the adapter's state: " + unreadable
                    + " (is rabbitmq-jca.rar deployed, and the application allowed to see its classes?)");
        }
        return response.status(ready).build();
    }

    /**
     * @return UP or IDLE, or the condition with since when, why and the next attempt, e.g. {@code DOWN since
     *         2026-12-01T10:00:00.123Z: the connection was lost: java.io.EOFException. Next attempt at
     *         2026-12-01T10:00:04.250Z.}
     */
    static String describe(ResourceState state) {
        StringBuilder text = new StringBuilder(state.condition().name());
        state.sinceWhen().ifPresent(since -> text.append(" since ").append(since.truncatedTo(ChronoUnit.MILLIS)));
        String reason = state.reason().strip();
        if (!reason.isEmpty()) {
            text.append(": ").append(reason).append(reason.endsWith(".") ? "" : ".");
        }
        state.nextAttemptAt().ifPresent(next -> text.append(" Next attempt at ")
                .append(next.truncatedTo(ChronoUnit.MILLIS)).append('.'));
        return text.toString();
    }
}
