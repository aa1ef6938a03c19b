// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Keeps an audit trail of every order event, through the JMS face: a {@code jakarta.jms.MessageListener} bean,
 * bound to rabbitmq-jca by {@code WEB-INF/glassfish-ejb-jar.xml}. Its own queue is bound to the topic exchange with
 * {@code order.#}, so it gets a copy of each OrderPlaced and OrderShipped event, whatever shipping does with its
 * own. Not transacted: acknowledged when onMessage returns.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = AuditListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "exchange", propertyValue = OrderEvents.EXCHANGE),
        @ActivationConfigProperty(propertyName = "exchangeType", propertyValue = "topic"),
        @ActivationConfigProperty(propertyName = "routingKeys", propertyValue = "order.#")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditListener implements MessageListener {

    /** The audit queue. */
    public static final String QUEUE = "sample.audit";

    @EJB
    private AuditTrail trail;

    @Override
    public void onMessage(Message message) {
        try {
            String trace = message.getStringProperty("traceparent");
            trail.add(message.getJMSType() + " " + message.getJMSMessageID() + " trace "
                    + (trace == null ? "none" : trace.split("-")[1]) + ": "
                    + (message instanceof TextMessage text ? text.getText() : "(not text)"));
        } catch (JMSException unreadable) {
            throw new IllegalStateException("Cannot read audit event " + message, unreadable);
        }
    }
}
