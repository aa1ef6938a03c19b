// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JMS message-driven bean on queue {@value #QUEUE} (container transaction, three tries, then
 * {@value #QUEUE}.dlq): records every message it gets, headers and properties, and fails on a text starting with
 * {@code fail}. Trusts {@code ObjectMessage}s of package {@code org.rabbitjca.it.jms.trusted} only.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = JmsRecordingListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "trustedPackages", propertyValue = "org.rabbitjca.it.jms.trusted")
})
public class JmsRecordingListener implements MessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.jms.mdb";

    @EJB
    private JmsDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            Map<String, String> description = describe(message);
            deliveries.record(QUEUE, description);
            if (description.getOrDefault("text", "").startsWith("fail")) {
                throw new IllegalStateException("the test makes " + message.getJMSMessageID() + " fail");
            }
        } catch (JMSException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** @return the message's kind, body, JMS headers and properties ({@code p.<name>} = value:type) */
    static Map<String, String> describe(Message message) throws JMSException {
        Map<String, String> description = new LinkedHashMap<>();
        if (message instanceof TextMessage text) {
            description.put("kind", "text");
            description.put("text", text.getText());
        } else if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            description.put("kind", "bytes");
            description.put("bytes", HexFormat.of().formatHex(body));
        } else if (message instanceof ObjectMessage object) {
            description.put("kind", "object");
            description.put("object", String.valueOf(object.getObject()));
        }
        description.put("messageId", String.valueOf(message.getJMSMessageID()));
        description.put("correlationId", String.valueOf(message.getJMSCorrelationID()));
        description.put("type", String.valueOf(message.getJMSType()));
        description.put("deliveryMode", String.valueOf(message.getJMSDeliveryMode()));
        description.put("priority", String.valueOf(message.getJMSPriority()));
        description.put("timestamp", String.valueOf(message.getJMSTimestamp()));
        description.put("expiration", String.valueOf(message.getJMSExpiration()));
        description.put("redelivered", String.valueOf(message.getJMSRedelivered()));
        description.put("deliveryCount", String.valueOf(message.getIntProperty("JMSXDeliveryCount")));
        description.put("destination", ((Queue) message.getJMSDestination()).getQueueName());
        description.put("replyTo", message.getJMSReplyTo() == null ? "null"
                : ((Queue) message.getJMSReplyTo()).getQueueName());
        for (Object name : Collections.list(message.getPropertyNames())) {
            Object value = message.getObjectProperty((String) name);
            description.put("p." + name, value + ":" + value.getClass().getSimpleName());
        }
        try {
            message.setStringProperty("late", "x");
            description.put("writable", "true");
        } catch (JMSException readOnly) {
            description.put("writable", "false");
        }
        return description;
    }
}
