// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.EJB;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;

/**
 * A message-driven bean declared only in {@code ejb-jar.xml}, where each test gives it its connection and queue;
 * logs every delivery under the queue it came from.
 */
public class ConfiguredListener implements RabbitMessageListener {

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) {
        log.attempt(message.queue(), message);
        log.processed(message.queue(), message);
    }
}
