// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The message listener interface of message-driven beans fed by a RabbitMQ queue:
 * <pre>{@code
 * @MessageDriven(activationConfig = @ActivationConfigProperty(propertyName = "queue", propertyValue = "orders"))
 * public class OrderListener implements RabbitMessageListener {
 *     public void onMessage(RabbitMessage message) { ... }
 * }}</pre>
 * The delivery is acknowledged after {@code onMessage} returns normally (in a container transaction: when the
 * transaction commits). When it throws (or its transaction rolls back), the try failed: a copy of the message,
 * its failed tries counted in the header {@code x-rabbitjca-attempts}, goes to a retry queue on the broker and
 * comes back to the queue after the retry delay (with a delay of 0, straight to the queue's end). After
 * {@code maxAttempts} failed tries (5 by default; with {@code maxAttempts=1}, retries off, at the first) the copy
 * goes to the dead-letter target instead ({@code <queue>.dlq} by default), with the failure in its headers. The
 * original is acknowledged once the broker confirmed the copy; if the broker does not take the copy, the original
 * goes back to the queue without counting the try. Called on threads of the container's WorkManager.
 */
public interface RabbitMessageListener {

    /**
     * Processes one delivery.
     *
     * @param message the delivered message
     * @throws Exception to count a failed try: the message is tried again after the retry delay, and dead-lettered
     *                   after its last try
     */
    void onMessage(RabbitMessage message) throws Exception;
}
