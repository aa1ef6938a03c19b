// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The base of every exception the adapter throws to applications. Unchecked, so that an EJB method failing with it
 * rolls back its container transaction. Messages say what failed, where, and what to do; they never carry secrets.
 */
public class RabbitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     */
    public RabbitException(String message) {
        super(message);
    }

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public RabbitException(String message, Throwable cause) {
        super(message, cause);
    }
}
