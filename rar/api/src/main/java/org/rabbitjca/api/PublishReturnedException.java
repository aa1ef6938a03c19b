// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/** A {@code mandatory} message could not be routed to any queue and came back from the broker; nothing stored it. */
public class PublishReturnedException extends RabbitException {

    private static final long serialVersionUID = 1L;

    private final int replyCode;
    private final String replyText;

    /**
     * @param message which publish was returned and what to do
     * @param replyCode the broker's reply code, usually 312 (NO_ROUTE)
     * @param replyText the broker's reply text, usually {@code NO_ROUTE}
     */
    public PublishReturnedException(String message, int replyCode, String replyText) {
        super(message);
        this.replyCode = replyCode;
        this.replyText = replyText;
    }

    /** @return the broker's reply code, usually 312 (NO_ROUTE) */
    public int replyCode() {
        return replyCode;
    }

    /** @return the broker's reply text, usually {@code NO_ROUTE} */
    public String replyText() {
        return replyText;
    }
}
