// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.impl.LongStringHelper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.TraceParent;
import org.rabbitjca.api.monitoring.DeliveryTracer;
import org.rabbitjca.api.monitoring.RabbitMonitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W3C trace context on the messages: parsed strictly, set unless the application did, carried on by a delivery. */
class TracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HEADER = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @Test
    void aTraceparentIsParsedOnlyWhenW3cAcceptsIt() {
        LongString fromTheWire = LongStringHelper.asLongString(HEADER);
        assertAll(() -> assertEquals(Optional.of(new TraceParent(TRACE, "00f067aa0ba902b7", "01")),
                        TraceParent.parse(fromTheWire)),
                () -> assertEquals(HEADER, TraceParent.parse(HEADER).orElseThrow().header()),
                () -> assertEquals(Optional.empty(), TraceParent.parse("01-" + TRACE + "-00f067aa0ba902b7-01"),
                        "an unknown version"),
                () -> assertEquals(Optional.empty(), TraceParent.parse("00-" + "0".repeat(32)
                        + "-00f067aa0ba902b7-01"), "an all-zero trace id"),
                () -> assertEquals(Optional.empty(), TraceParent.parse(HEADER.toUpperCase()), "upper-case hex"),
                () -> assertEquals(Optional.empty(), TraceParent.parse(null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new TraceParent(TRACE, "0".repeat(16), "01")));
    }

    @Test
    void aNewTraceIsValidAndItsChildKeepsTheTraceWithANewParent() {
        TraceParent root = TraceParent.newTrace();
        TraceParent child = root.child();

        assertAll(() -> assertEquals(Optional.of(root), TraceParent.parse(root.header())),
                () -> assertEquals("01", root.flags()),
                () -> assertEquals(root.traceId(), child.traceId()),
                () -> assertNotEquals(root.parentId(), child.parentId()),
                () -> assertNotEquals(root.traceId(), TraceParent.newTrace().traceId()));
    }

    @Test
    void aPublishOutsideAnyTraceStartsOneAndKeepsTheApplicationsHeaders() {
        AMQP.BasicProperties stamped = Tracing.stamp(new AMQP.BasicProperties.Builder().messageId("m")
                .headers(Map.of("app", "kept")).build());

        assertAll(() -> assertTrue(TraceParent.parse(stamped.getHeaders().get(TraceParent.HEADER)).isPresent()),
                () -> assertEquals("kept", stamped.getHeaders().get("app")),
                () -> assertEquals("m", stamped.getMessageId()),
                () -> assertTrue(TraceParent.parse(Tracing.stamp(null).getHeaders().get(TraceParent.HEADER))
                        .isPresent(), "no properties at all"));
    }

    @Test
    void aTraceparentTheApplicationSetIsLeftAsItIs() {
        AMQP.BasicProperties own = new AMQP.BasicProperties.Builder()
                .headers(Map.of(TraceParent.HEADER, HEADER)).build();

        assertSame(own, Tracing.stamp(own));
    }

    @Test
    void aPublishDuringADeliveryContinuesItsTraceAndItsStateUntilTheDeliveryEnds() {
        RabbitMessage delivery = message(Map.of(TraceParent.HEADER, LongStringHelper.asLongString(HEADER),
                TraceParent.STATE_HEADER, "vendor=abc"));
        AMQP.BasicProperties during;
        try (Tracing.Scope scope = Tracing.delivering(delivery, getClass().getClassLoader())) {
            during = Tracing.stamp(null);
        }
        AMQP.BasicProperties after = Tracing.stamp(null);
        TraceParent continued = TraceParent.parse(during.getHeaders().get(TraceParent.HEADER)).orElseThrow();

        assertAll(() -> assertEquals(TRACE, continued.traceId()),
                () -> assertNotEquals("00f067aa0ba902b7", continued.parentId(), "a new operation sends it"),
                () -> assertEquals("vendor=abc", during.getHeaders().get(TraceParent.STATE_HEADER)),
                () -> assertEquals(Optional.of(TRACE), delivery.traceId()),
                () -> assertNotEquals(TRACE, TraceParent.parse(after.getHeaders().get(TraceParent.HEADER))
                        .orElseThrow().traceId(), "the delivery's trace ended with it"));
    }

    @Test
    void aPublishInsideAnOpenTelemetrySpanCarriesThatSpan() {
        SpanContext span = SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "abc").build());
        AMQP.BasicProperties stamped;
        try (io.opentelemetry.context.Scope scope = Context.current().with(Span.wrap(span)).makeCurrent()) {
            stamped = Tracing.stamp(null);
        }

        assertAll(() -> assertEquals(HEADER, stamped.getHeaders().get(TraceParent.HEADER)),
                () -> assertEquals("vendor=abc", stamped.getHeaders().get(TraceParent.STATE_HEADER)));
    }

    @Test
    void anApplicationsTracerStartsTheSpanOfEachDeliveryToItsBeansAndHearsOfAFailure() {
        List<String> heard = new ArrayList<>();
        ClassLoader application = new ClassLoader() { };
        RabbitMonitoring.trace(application, message -> new DeliveryTracer.TracedDelivery() {
            @Override
            public void failed(Throwable failure) {
                heard.add("failed " + failure.getMessage());
            }

            @Override
            public void close() {
                heard.add("ended " + message.traceId().orElse("none"));
            }
        });
        try {
            RabbitMessage delivery = message(Map.of(TraceParent.HEADER, HEADER));
            try (Tracing.Scope scope = Tracing.delivering(delivery, application)) {
                scope.failed(new IllegalStateException("boom"));
            }
            try (Tracing.Scope scope = Tracing.delivering(delivery, getClass().getClassLoader())) {
                heard.add("another application's bean");
            }
        } finally {
            RabbitMonitoring.trace(application, null);
        }

        assertEquals(List.of("failed boom", "ended " + TRACE, "another application's bean"), heard);
    }

    private static RabbitMessage message(Map<String, Object> headers) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(headers).build();
        return new RabbitMessage() {
            @Override
            public String queue() {
                return "q";
            }

            @Override
            public byte[] body() {
                return new byte[0];
            }

            @Override
            public AMQP.BasicProperties properties() {
                return properties;
            }

            @Override
            public Envelope envelope() {
                return new Envelope(1, false, "", "q");
            }
        };
    }
}
