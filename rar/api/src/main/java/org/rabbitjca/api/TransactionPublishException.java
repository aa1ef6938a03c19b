// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * A message held for a JTA transaction could not be published when the transaction committed: the broker refused
 * (nack) or returned it, did not confirm it in time, blocked publishing, or the channel or connection was gone. The
 * transaction rolls back, the database's work with it. The cause is the adapter's exception for the failure itself.
 */
public class TransactionPublishException extends RabbitException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final String exchange;
    private final String routingKey;

    /**
     * @param message which message, why, and what happened to the transaction
     * @param messageId the message id of the message that failed
     * @param exchange the exchange it was published to
     * @param routingKey the routing key it was published with
     * @param cause the failure of that message
     */
    public TransactionPublishException(String message, String messageId, String exchange, String routingKey,
                                       RabbitException cause) {
        super(message, cause);
        this.messageId = messageId;
        this.exchange = exchange;
        this.routingKey = routingKey;
    }

    /** @return the message id of the message that failed: the application's, or the one the adapter set */
    public String messageId() {
        return messageId;
    }

    /** @return the exchange the failed message was published to */
    public String exchange() {
        return exchange;
    }

    /** @return the routing key the failed message was published with */
    public String routingKey() {
        return routingKey;
    }
}
