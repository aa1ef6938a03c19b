// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/** No connection or channel could be opened on the broker; the message names the cause (unreachable, login, ...). */
public class BrokerUnavailableException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
