// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.api.TraceParent;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.it.trace.TraceLog;
import org.rabbitjca.it.trace.TraceProbe;
import org.rabbitjca.it.trace.TracedListener;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trace context from publish to bean, on a Payara Micro whose MicroProfile Telemetry is on (no exporter), with the
 * rabbitmq-jca-microprofile jar in the war: a publish from a request carries the request's span, and the bean runs
 * in a consumer span of that trace with the messaging attributes; a trace a raw client started goes on through the
 * bean's consumer span into what the bean publishes, with its trace state.
 */
@ExtendWith(RabbitNodeExtension.class)
class TraceContextIT {

    private static final String OUT = "it.traced.out";
    private static RabbitNode node;
    private static ProbedServer server;

    @BeforeAll
    static void startServer() throws Exception {
        node = RabbitNodeExtension.sharedNode();
        BrokerClient.declareEmpty(node, OUT, null);
        server = ProbedServer.named(TraceContextIT.class.getSimpleName()).adapterPort(node.amqpPort())
                .pools(List.of(ProbedServer.probePool()))
                .beans(TraceProbe.class, TraceLog.class, TracedListener.class)
                .libraries(ProbedServer.microprofileJar())
                .jvmOptions("-Dotel.sdk.disabled=false", "-Dotel.traces.exporter=none",
                        "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none")
                .start();
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPublishFromARequestCarriesItsSpanAndTheBeanRunsInThatTrace() throws Exception {
        Map<String, String> published = server.post("api/trace/publish?queue=" + TracedListener.QUEUE + "&id=req-1");
        Map<String, String> seen = seen("req-1");
        TraceParent carried = TraceParent.parse(seen.get("traceparent")).orElseThrow(() ->
                new AssertionError("no traceparent: " + seen));

        assertAll(() -> assertFalse(published.get("traceId").isEmpty(), "the request ran in a span: " + published),
                () -> assertEquals(published.get("traceId"), carried.traceId(), seen.toString()),
                () -> assertEquals(published.get("traceId"), seen.get("traceId"), "RabbitMessage.traceId()"),
                () -> assertEquals(published.get("traceId"), seen.get("spanTraceId"),
                        "the OpenTelemetry context in onMessage"),
                () -> assertEquals("false", seen.get("spanRemote"), "a span of this server's: " + seen),
                () -> assertNotEquals(carried.parentId(), seen.get("spanId"), "a child of the publisher's span"),
                () -> assertTrue(seen.get("span").contains("name=" + TracedListener.QUEUE + " process")
                        && seen.get("span").contains("kind=CONSUMER")
                        && seen.get("span").contains("messaging.system=rabbitmq")
                        && seen.get("span").contains("messaging.rabbitmq.destination.routing_key="
                        + TracedListener.QUEUE)
                        && seen.get("span").contains("messaging.message.id=req-1"), seen.get("span")));
    }

    @Test
    void aTraceARawClientStartedGoesOnThroughTheBeanIntoWhatItPublishes() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        String parent = "b7ad6b7169203331";
        BrokerClient.publish(node, TracedListener.QUEUE, new AMQP.BasicProperties.Builder().messageId("raw-1")
                .headers(Map.of(TraceParent.HEADER, "00-" + trace + "-" + parent + "-01",
                        TraceParent.STATE_HEADER, "vendor=abc", TracedListener.RELAY_TO, OUT)).build(),
                "raw-1".getBytes(StandardCharsets.UTF_8));
        Map<String, String> seen = seen("raw-1");
        GetResponse relayed = Poll.until(Duration.ofSeconds(30), () -> only(BrokerClient.drain(node, OUT)),
                message -> message != null);
        Map<String, Object> headers = relayed.getProps().getHeaders();
        TraceParent onward = TraceParent.parse(headers.get(TraceParent.HEADER)).orElseThrow();

        assertAll(() -> assertEquals(trace, seen.get("traceId"), seen.toString()),
                () -> assertEquals(trace, seen.get("spanTraceId"), "the OpenTelemetry context in onMessage"),
                () -> assertEquals("relayed-raw-1", relayed.getProps().getMessageId()),
                () -> assertEquals(trace, onward.traceId(), "the same trace"),
                () -> assertNotEquals(parent, onward.parentId(), "sent by another operation"),
                () -> assertEquals(seen.get("spanId"), onward.parentId(), "sent from the bean's consumer span"),
                () -> assertEquals("vendor=abc", String.valueOf(headers.get(TraceParent.STATE_HEADER))));
    }

    private static Map<String, String> seen(String id) throws Exception {
        return Poll.until(Duration.ofSeconds(30), () -> server.get("api/trace/seen?id=" + id),
                answer -> "true".equals(answer.get("seen")));
    }

    private static GetResponse only(List<GetResponse> messages) {
        assertFalse(messages.size() > 1, "one message relayed, not " + messages.size());
        return messages.isEmpty() ? null : messages.get(0);
    }
}
