// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The broker (or a lost connection) closed the channel behind a handle. Carries the broker's reply code and text,
 * for example {@code 404} and {@code NOT_FOUND - no exchange 'orders' in vhost '/'}. The channel is discarded from
 * the pool; take a new handle from the factory to go on.
 */
public class ChannelClosedException extends RabbitException {

    private static final long serialVersionUID = 1L;

    private final int replyCode;
    private final String replyText;

    /**
     * @param message what failed, including the broker's reason
     * @param replyCode the AMQP reply code, or 0 when the connection was lost without one
     * @param replyText the broker's reply text, or a description of the connection loss
     * @param cause the underlying failure
     */
    public ChannelClosedException(String message, int replyCode, String replyText, Throwable cause) {
        super(message, cause);
        this.replyCode = replyCode;
        this.replyText = replyText;
    }

    /** @return the AMQP reply code (404 not found, 406 precondition failed, 403 access refused, ...), or 0 */
    public int replyCode() {
        return replyCode;
    }

    /** @return the broker's reply text, e.g. {@code NOT_FOUND - no exchange 'orders' in vhost '/'} */
    public String replyText() {
        return replyText;
    }
}
