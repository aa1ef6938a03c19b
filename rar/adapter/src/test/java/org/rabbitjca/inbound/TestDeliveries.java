// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;

import java.util.List;

/** Deliveries and delivery handlers for the inbound tests. */
final class TestDeliveries {

    private TestDeliveries() {
    }

    /** @return a delivery from queue {@code q} with message id {@code id} and delivery tag {@code id + 1} */
    static DeliveredMessage message(int id) {
        return new DeliveredMessage("q", new byte[0], new AMQP.BasicProperties.Builder().messageId(String.valueOf(id))
                .build(), new Envelope(id + 1, false, "", "q"));
    }

    /** @return a handler that records the message id of each delivery it handles */
    static DeliveryDispatcher.Handler recorder(List<String> handled) {
        return new DeliveryDispatcher.Handler() {
            @Override
            public void handle(DeliveredMessage message) {
                handled.add(message.properties().getMessageId());
            }

            @Override
            public void close() {
            }
        };
    }
}
