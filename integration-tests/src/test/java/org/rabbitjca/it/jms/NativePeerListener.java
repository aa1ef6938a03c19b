// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.util.HexFormat;
import java.util.Map;

/** A native message-driven bean on queue {@value #QUEUE}, next to the JMS one: records what the JMS face sent. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = NativePeerListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true")
})
public class NativePeerListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.jms.native";

    @EJB
    private JmsDeliveries deliveries;

    @Override
    public void onMessage(RabbitMessage message) {
        deliveries.record(QUEUE, Map.of("messageId", String.valueOf(message.properties().getMessageId()),
                "contentType", String.valueOf(message.properties().getContentType()),
                "bytes", HexFormat.of().formatHex(message.body())));
    }
}
