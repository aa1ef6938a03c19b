// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * An application called a channel operation that the pool owns ({@code close}, {@code confirmSelect},
 * {@code txSelect}, {@code basicConsume}, ...) or used a handle after closing it. Nothing was done to the channel.
 */
public class ChannelOperationRefusedException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which operation was refused, why, and what to use instead
     */
    public ChannelOperationRefusedException(String message) {
        super(message);
    }
}
