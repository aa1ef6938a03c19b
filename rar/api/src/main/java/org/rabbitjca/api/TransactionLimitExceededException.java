// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * A publish inside a JTA transaction would make the transaction hold more messages, or more bytes of message
 * bodies, than its pool allows ({@code maxMessagesPerTransaction}, {@code maxBytesPerTransaction}). That publish is
 * not held; the messages held before it still leave when the transaction commits.
 */
public class TransactionLimitExceededException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which limit, what the transaction holds, and what to do
     */
    public TransactionLimitExceededException(String message) {
        super(message);
    }
}
