// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The broker could not be reached: connection refused, a host name DNS does not know, or no answer within {@code
 * connectionTimeoutMillis}; the message says which.
 */
public class BrokerUnreachableException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
