// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.failures;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.sample.it.app.DeliveryLog;

/** What a message-driven bean of the war processed, as {@link DeliveryLog#summary} lines. */
@Path("deliveries")
@Produces(MediaType.TEXT_PLAIN)
public class DeliveriesProbe {

    @EJB
    private DeliveryLog log;

    /** @return the summary of one listener's deliveries */
    @GET
    public String summary(@QueryParam("listener") String listener) {
        return log.summary(listener);
    }
}
