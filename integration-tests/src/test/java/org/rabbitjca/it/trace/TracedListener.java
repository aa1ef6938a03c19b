// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.trace;

import io.opentelemetry.api.trace.Span;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.api.TraceParent;
import org.rabbitjca.it.probe.ProbePublisher;

import java.util.Map;

/**
 * Records, per message of queue {@value #QUEUE}, the {@code traceparent} and {@code tracestate} headers, the trace
 * id {@link RabbitMessage#traceId()} gives, and the OpenTelemetry span current in {@code onMessage} (its ids, and
 * its {@code toString()}, where the server's SDK shows the name, kind and attributes); a message with
 * the header {@value #RELAY_TO} is then published on to that queue, as {@code relayed-<id>}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = TracedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TracedListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.traced";
    /** Header naming the queue to publish the message on to. */
    public static final String RELAY_TO = "relay-to";

    @EJB
    private TraceLog log;
    @EJB
    private ProbePublisher publisher;

    @Override
    public void onMessage(RabbitMessage message) {
        Map<String, Object> headers = message.properties().getHeaders();
        String id = message.properties().getMessageId();
        log.saw(id, "seen=true"
                + "\ntraceparent=" + headers.get(TraceParent.HEADER)
                + "\ntracestate=" + headers.get(TraceParent.STATE_HEADER)
                + "\ntraceId=" + message.traceId().orElse("")
                + "\nspanTraceId=" + Span.current().getSpanContext().getTraceId()
                + "\nspanId=" + Span.current().getSpanContext().getSpanId()
                + "\nspanRemote=" + Span.current().getSpanContext().isRemote()
                + "\nspan=" + Span.current().toString().replace('\n', ' ') + "\n");
        if (headers.get(RELAY_TO) != null) {
            publisher.publish("", headers.get(RELAY_TO).toString(), false, "relayed-" + id);
        }
    }
}
