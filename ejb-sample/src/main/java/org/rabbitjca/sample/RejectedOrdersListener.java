// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Takes the events shipping gave up on from the dead-letter queue and marks their orders rejected, with the reason
 * the adapter wrote into the {@value #FAILURE_HEADER} header (the last failure's exception).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = RejectedOrdersListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
public class RejectedOrdersListener implements RabbitMessageListener {

    /** The dead-letter queue of {@link ShippingListener}: its queue's name plus {@code .dlq}. */
    public static final String QUEUE = ShippingListener.QUEUE + ".dlq";
    /** The header in which the adapter says why a dead letter failed. */
    public static final String FAILURE_HEADER = "x-rabbitjca-failure";
    private static final Logger LOG = Logger.getLogger(RejectedOrdersListener.class.getName());

    @EJB
    private OrderService orders;

    @Override
    public void onMessage(RabbitMessage message) {
        long id = OrderEvents.read(message).getJsonNumber("id").longValue();
        Map<String, Object> headers = message.properties().getHeaders();
        String reason = String.valueOf(headers == null ? "unknown" : headers.get(FAILURE_HEADER));
        orders.move(id, OrderStatus.REJECTED, reason);
        LOG.warning(() -> "Rejected order " + id + ": " + reason);
    }
}
