// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.invalid;

import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/** A message-driven bean that forgot its queue: its deployment must fail naming the property. */
@MessageDriven
public class MissingQueueListener implements RabbitMessageListener {

    @Override
    public void onMessage(RabbitMessage message) {
        throw new AssertionError("never activated");
    }
}
