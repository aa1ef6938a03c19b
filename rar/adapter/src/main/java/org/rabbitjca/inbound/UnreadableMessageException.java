// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import java.io.Serial;

/**
 * A delivery that cannot become the message its bean takes (e.g. a Java-serialized body of a class outside the
 * allow-list): no try can succeed, so it goes to the dead-letter target at once, with this message as the reason.
 */
public class UnreadableMessageException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the delivery and what to do, for the dead letter's reason header */
    public UnreadableMessageException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the delivery and what to do
     * @param cause why it could not be read
     */
    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
