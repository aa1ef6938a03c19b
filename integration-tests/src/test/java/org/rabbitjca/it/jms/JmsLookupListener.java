// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A JMS message-driven bean whose queue is the admin object {@value JmsProbe#LOOKUP_QUEUE}
 * ({@code destinationLookup}), without a container transaction: records what it gets.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsProbe.LOOKUP_QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsLookupListener implements MessageListener {

    @EJB
    private JmsDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.record(JmsProbe.LOOKUP_QUEUE_NAME, JmsRecordingListener.describe(message));
        } catch (JMSException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
