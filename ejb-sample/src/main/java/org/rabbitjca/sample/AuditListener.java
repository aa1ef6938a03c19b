// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/**
 * Keeps an audit trail of every order event: its own queue, bound to the topic exchange with {@code order.#}, gets
 * a copy of each, whatever shipping does with its own. Not transacted: acknowledged when onMessage returns.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = AuditListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "exchange", propertyValue = OrderEvents.EXCHANGE),
        @ActivationConfigProperty(propertyName = "exchangeType", propertyValue = "topic"),
        @ActivationConfigProperty(propertyName = "routingKeys", propertyValue = "order.#")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditListener implements RabbitMessageListener {

    /** The audit queue. */
    public static final String QUEUE = "sample.audit";

    @EJB
    private AuditTrail trail;

    @Override
    public void onMessage(RabbitMessage message) {
        trail.add(message.envelope().getRoutingKey() + " " + message.properties().getMessageId() + " trace "
                + message.traceId().orElse("none") + ": " + message.bodyAsString());
    }
}
