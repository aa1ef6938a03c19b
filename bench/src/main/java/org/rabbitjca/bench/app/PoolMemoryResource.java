// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.annotation.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what idle pooled channels cost the server: fills a pool of its own with idle channels and reports the
 * heap in use after a full collection, as {@code key=value} lines. Not an EJB, so no transaction shares handles.
 */
@Path("pool")
@Produces(MediaType.TEXT_PLAIN)
public class PoolMemoryResource {

    @Resource(lookup = "java:app/rabbitmq/idle")
    private RabbitConnectionFactory idle;

    /** @return {@code heap}: bytes of heap in use after a full garbage collection */
    @GET
    @Path("heap")
    public String heap() {
        System.gc();
        return "heap=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + "\n";
    }

    /**
     * Takes {@code count} handles at once (so the pool opens as many channels) and gives them all back, leaving
     * the channels idle in the pool.
     */
    @POST
    @Path("fill")
    public String fill(@QueryParam("count") int count) {
        List<RabbitConnection> held = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                held.add(idle.getConnection());
            }
        } finally {
            held.forEach(RabbitConnection::close);
        }
        return "opened=" + held.size() + "\n";
    }
}
