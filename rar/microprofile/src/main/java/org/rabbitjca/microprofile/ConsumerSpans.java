// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.microprofile;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.monitoring.DeliveryTracer;
import org.rabbitjca.api.monitoring.RabbitMonitoring;

import java.util.Map;

/**
 * A consumer span per delivery, named {@code <queue> process}, with the attributes of the OpenTelemetry messaging
 * conventions for RabbitMQ; its parent is the message's {@code traceparent} (and {@code tracestate}), read by
 * OpenTelemetry's own W3C propagator. Loaded only once the OpenTelemetry API was found.
 */
final class ConsumerSpans implements DeliveryTracer {

    private static final TextMapGetter<Map<String, Object>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, Object> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, Object> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString(); // amqp-client gives a LongString
        }
    };

    private final Tracer tracer;

    private ConsumerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * @param application the application's class loader
     * @return whether the server gave the application a tracer, now lent to the adapter
     */
    static boolean lend(ClassLoader application) {
        Instance<Tracer> tracers = CDI.current().select(Tracer.class);
        if (!tracers.isResolvable()) {
            return false;
        }
        RabbitMonitoring.trace(application, new ConsumerSpans(tracers.get()));
        return true;
    }

    @Override
    public DeliveryTracer.TracedDelivery start(RabbitMessage message) {
        Map<String, Object> headers = message.properties().getHeaders();
        Context parent = headers == null ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.current(), headers, HEADERS);
        Span span = tracer.spanBuilder(message.queue() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "rabbitmq")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.source.name", message.queue())
                .setAttribute("messaging.destination.name", message.envelope().getExchange())
                .setAttribute("messaging.rabbitmq.destination.routing_key", message.envelope().getRoutingKey())
                .setAttribute("messaging.rabbitmq.message.delivery_tag", message.envelope().getDeliveryTag())
                .setAttribute("messaging.message.body.size", (long) message.body().length)
                .startSpan();
        String id = message.properties().getMessageId();
        if (id != null) {
            span.setAttribute("messaging.message.id", id);
        }
        Scope scope = span.makeCurrent();
        return new DeliveryTracer.TracedDelivery() {
            @Override
            public void failed(Throwable failure) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.toString());
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }
}
