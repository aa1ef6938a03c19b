// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.rabbitjca.api.RabbitMessage;

import java.io.StringReader;

/** The order events as they travel: JSON bodies on the topic exchange {@value #EXCHANGE}. */
public final class OrderEvents {

    /** The topic exchange the sample's events go to; the beans declare it and bind their queues. */
    public static final String EXCHANGE = "sample.orders";
    /** The routing key of an OrderPlaced event. */
    public static final String PLACED = "order.placed";
    /** The routing key of an OrderShipped event. */
    public static final String SHIPPED = "order.shipped";

    private OrderEvents() {
    }

    /** @return the event's JSON body for an order */
    static String placed(Order order) {
        return Json.createObjectBuilder().add("type", "OrderPlaced").add("id", order.getId())
                .add("item", order.getItem()).add("quantity", order.getQuantity()).build().toString();
    }

    /** @return the OrderShipped event's JSON body */
    static String shipped(long id) {
        return Json.createObjectBuilder().add("type", "OrderShipped").add("id", id).build().toString();
    }

    /** @return the event a message carries */
    static JsonObject read(RabbitMessage message) {
        try (var reader = Json.createReader(new StringReader(message.bodyAsString()))) {
            return reader.readObject();
        }
    }
}
