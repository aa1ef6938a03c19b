// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.util.logging.Logger;

/** Receives the orders; the adapter acknowledges each one after this method returns. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = OrderPublisher.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
public class OrderListener implements RabbitMessageListener {

    private static final Logger LOG = Logger.getLogger(OrderListener.class.getName());

    @EJB
    private ReceivedOrders received;

    @Override
    public void onMessage(RabbitMessage message) {
        LOG.info(() -> "Received order '" + message.bodyAsString() + "' (message id "
                + message.properties().getMessageId() + ")");
        received.add(message.bodyAsString());
    }
}
