// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/orders} with a text body publishes an order; {@code GET /api/orders} lists the orders the
 * message-driven bean received.
 */
@Path("orders")
public class OrdersResource {

    @EJB
    private OrderPublisher publisher;

    @EJB
    private ReceivedOrders received;

    /**
     * @param order the order text
     * @return what was sent, with its message id
     */
    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String publish(String order) {
        return "Published '" + order + "' with confirm, message id " + publisher.publish(order) + "\n";
    }

    /** @return the orders received, one per line */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String received() {
        return String.join("\n", received.list()) + "\n";
    }
}
