// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The message listener interface of message-driven beans fed by a RabbitMQ queue:
 * <pre>{@code
 * @MessageDriven(activationConfig = @ActivationConfigProperty(propertyName = "queue", propertyValue = "orders"))
 * public class OrderListener implements RabbitMessageListener {
 *     public void onMessage(RabbitMessage message) { ... }
 * }}</pre>
 * The delivery is acknowledged after {@code onMessage} returns normally; when it throws, the message goes back to
 * the queue for redelivery. Called on threads of the container's WorkManager.
 */
public interface RabbitMessageListener {

    /**
     * Processes one delivery.
     *
     * @param message the delivered message
     * @throws Exception to have the message redelivered
     */
    void onMessage(RabbitMessage message) throws Exception;
}
