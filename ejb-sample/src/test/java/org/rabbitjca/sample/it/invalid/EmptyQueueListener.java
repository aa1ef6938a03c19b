// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.invalid;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/** A message-driven bean with an empty queue name: its deployment must fail naming the property. */
@MessageDriven(activationConfig = @ActivationConfigProperty(propertyName = "queue", propertyValue = ""))
public class EmptyQueueListener implements RabbitMessageListener {

    @Override
    public void onMessage(RabbitMessage message) {
        throw new AssertionError("never activated");
    }
}
