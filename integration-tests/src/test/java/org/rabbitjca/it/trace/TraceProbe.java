// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.trace;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Span;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.rabbitjca.it.probe.ProbePublisher;

/** {@code api/trace}: publishes from a request and tells which span it ran in; reads what the bean saw. */
@Path("trace")
@RequestScoped
public class TraceProbe {

    @EJB
    private ProbePublisher publisher;
    @EJB
    private TraceLog log;

    /** Publishes {@code id} to {@code queue} through the probe pool; answers the span current meanwhile. */
    @POST
    @Path("publish")
    public String publish(@QueryParam("queue") String queue, @QueryParam("id") String id) {
        SpanContext span = Span.current().getSpanContext();
        publisher.publish("", queue, false, id);
        return "traceId=" + (span.isValid() ? span.getTraceId() : "") + "\nspanId="
                + (span.isValid() ? span.getSpanId() : "") + "\n";
    }

    /** @return what {@link TracedListener} saw of message {@code id} */
    @GET
    @Path("seen")
    public String seen(@QueryParam("id") String id) {
        return log.of(id);
    }
}
