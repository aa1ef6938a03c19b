// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.TraceParent;
import org.rabbitjca.api.monitoring.DeliveryTracer;
import org.rabbitjca.api.monitoring.RabbitMonitoring;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * W3C trace context from publish to delivery. A published message gets a {@code traceparent} header unless the
 * application set one: from the current OpenTelemetry span when the server has one (Payara's MicroProfile
 * Telemetry), else from the delivery a message-driven bean is handling on this thread (the trace goes on), else a
 * new trace. A delivery makes its message's trace current for the bean: for the publishes it makes, and as the
 * OpenTelemetry context when there is one, in a consumer span when the bean's application lent a
 * {@link DeliveryTracer}. amqp-client's own ObservationCollector would do the header part, but
 * only through Micrometer, which Jakarta EE servers do not ship.
 */
public final class Tracing {

    private static final System.Logger LOG = System.getLogger(Tracing.class.getName());
    private static final ThreadLocal<Carried> DELIVERING = new ThreadLocal<>();
    private static final boolean OPEN_TELEMETRY = openTelemetryPresent();

    /**
     * A trace context as messages carry it.
     *
     * @param parent the {@code traceparent}
     * @param state the {@code tracestate}; empty when there is none
     */
    record Carried(TraceParent parent, String state) {
    }

    private Tracing() {
    }

    /**
     * @param properties a message's properties, or {@code null}
     * @return them with a {@code traceparent} (and {@code tracestate} when the trace has one); the same object
     *         when the application set a {@code traceparent} itself
     */
    public static AMQP.BasicProperties stamp(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties == null ? null : properties.getHeaders();
        if (headers != null && headers.containsKey(TraceParent.HEADER)) {
            return properties;
        }
        Carried current = current();
        Map<String, Object> stamped = headers == null ? new HashMap<>(4) : new HashMap<>(headers);
        stamped.put(TraceParent.HEADER, current.parent().header());
        if (!current.state().isEmpty()) {
            stamped.put(TraceParent.STATE_HEADER, current.state());
        }
        return (properties == null ? new AMQP.BasicProperties.Builder() : properties.builder())
                .headers(stamped).build();
    }

    private static Carried current() {
        if (OPEN_TELEMETRY) {
            Optional<Carried> span = OpenTelemetryContext.current();
            if (span.isPresent()) {
                return span.get();
            }
        }
        Carried delivering = DELIVERING.get();
        return delivering != null ? new Carried(delivering.parent().child(), delivering.state())
                : new Carried(TraceParent.newTrace(), "");
    }

    /**
     * Makes a delivered message's trace current on this thread until the returned scope is closed: for the
     * publishes made meanwhile, and in a consumer span when the bean's application lent a tracer, else as the
     * OpenTelemetry context when the server has the API.
     *
     * @param message the delivery
     * @param application the bean's class loader, which names its application's tracer
     * @return ends it
     */
    public static Scope delivering(RabbitMessage message, ClassLoader application) {
        DeliveryTracer tracer = RabbitMonitoring.tracerOf(application);
        Optional<TraceParent> parent = message.traceParent();
        if (parent.isEmpty() && tracer == null) {
            return NO_SCOPE;
        }
        Map<String, Object> headers = message.properties().getHeaders();
        Object header = headers == null ? null : headers.get(TraceParent.STATE_HEADER);
        String state = header == null ? "" : header.toString();
        parent.ifPresent(found -> DELIVERING.set(new Carried(found, state)));
        DeliveryTracer.TracedDelivery span = tracer != null ? tracer.start(message)
                : OPEN_TELEMETRY ? OpenTelemetryContext.makeCurrent(parent.get(), state) : null;
        return new Scope() {
            @Override
            public void failed(Throwable failure) {
                if (span != null) {
                    span.failed(failure);
                }
            }

            @Override
            public void close() {
                DELIVERING.remove();
                if (span != null) {
                    span.close();
                }
            }
        };
    }

    /** Ends what {@link #delivering} began. */
    public interface Scope extends AutoCloseable {
        /** @param failure what the bean threw, for the delivery's span */
        void failed(Throwable failure);

        @Override
        void close();
    }

    private static final Scope NO_SCOPE = new Scope() {
        @Override
        public void failed(Throwable failure) {
            // no span
        }

        @Override
        public void close() {
            // nothing began
        }
    };

    private static boolean openTelemetryPresent() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, Tracing.class.getClassLoader());
            OpenTelemetryContext.current(); // links the API once: a server with a part of it only runs without
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            LOG.log(Level.DEBUG, "No OpenTelemetry API: trace context from messages only ({0})", absent.toString());
            return false;
        }
    }
}
