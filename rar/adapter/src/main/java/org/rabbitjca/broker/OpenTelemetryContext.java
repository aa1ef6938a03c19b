// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.rabbitjca.api.TraceParent;
import org.rabbitjca.api.monitoring.DeliveryTracer;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server's OpenTelemetry context, when the server has the OpenTelemetry API (Payara's MicroProfile Telemetry):
 * loaded only after {@link Tracing} found the API, so that the adapter runs without it.
 */
final class OpenTelemetryContext {

    private OpenTelemetryContext() {
    }

    /**
     * @return the context and trace state of the span current on this thread, when it is a valid span of this
     *         server's (a remote parent made current by {@link #makeCurrent} is not: the delivery carries it on)
     */
    static Optional<Tracing.Carried> current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid() || span.isRemote()) {
            return Optional.empty();
        }
        TraceState vendors = span.getTraceState();
        String state = vendors.isEmpty() ? "" : vendors.asMap().entrySet().stream() // most publishes carry none
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(","));
        return Optional.of(new Tracing.Carried(new TraceParent(span.getTraceId(), span.getSpanId(),
                span.getTraceFlags().asHex()), state));
    }

    /**
     * Makes the delivered message's trace the current context, so that spans the bean or the server start are
     * its children.
     *
     * @param state the {@code tracestate} it came with, {@code key=value} pairs separated by commas; may be empty
     * @return ends it
     */
    static DeliveryTracer.TracedDelivery makeCurrent(TraceParent parent, String state) {
        var vendors = TraceState.builder();
        for (String pair : state.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                vendors.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        SpanContext remote = SpanContext.createFromRemoteParent(parent.traceId(), parent.parentId(),
                TraceFlags.fromHex(parent.flags(), 0), vendors.build());
        Scope scope = Context.current().with(Span.wrap(remote)).makeCurrent();
        return new DeliveryTracer.TracedDelivery() {
            @Override
            public void failed(Throwable failure) {
                // not a span of ours: the bean's own spans say how it went
            }

            @Override
            public void close() {
                scope.close();
            }
        };
    }
}
