// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The order service over HTTP, in plain text: {@code POST /api/orders} with a body like {@code 3 apples} places an
 * order, {@code GET /api/orders} lists them with their state, {@code GET /api/orders/{id}} shows one, {@code GET
 * /api/orders/audit} lists the events the audit bean saw.
 */
@Path("orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    private static final Pattern ORDER = Pattern.compile("\\s*(-?\\d+)\\s+(\\S.*?)\\s*");

    @EJB
    private OrderService orders;

    @EJB
    private AuditTrail audit;

    /**
     * @param text how many of what, e.g. {@code 3 apples}; {@code 0 plums} is stored and then rejected by shipping
     * @return the stored order, or 400 when the text is not a quantity and an item
     */
    @POST
    public Response place(String text) {
        Matcher parts = ORDER.matcher(text);
        if (!parts.matches()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity("Send a quantity and an item, e.g. '3 apples'; got '" + text + "'\n").build();
        }
        Order order = orders.place(parts.group(2), Integer.parseInt(parts.group(1)));
        return Response.ok("Placed " + order.describe() + "; its OrderPlaced event (message order-" + order.getId()
                + ") was confirmed by the broker at the commit\n").build();
    }

    /** @return every order with its state, one per line */
    @GET
    public String list() {
        return orders.all().stream().map(Order::describe).map(line -> line + "\n").collect(Collectors.joining());
    }

    /** @return one order with its state, or 404 */
    @GET
    @Path("{id:[0-9]+}")
    public Response one(@PathParam("id") long id) {
        return orders.find(id).map(order -> Response.ok(order.describe() + "\n"))
                .orElse(Response.status(Response.Status.NOT_FOUND).entity("No order " + id + "\n")).build();
    }

    /** @return the events the audit bean received, one per line */
    @GET
    @Path("audit")
    public String audit() {
        return audit.list().stream().map(line -> line + "\n").collect(Collectors.joining());
    }
}
