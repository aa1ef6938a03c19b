// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The broker is blocking publishers (a memory or disk alarm) and did not lift the block within the publish timeout; the
 * message gives the broker's reason.
 */
public class BrokerBlockedException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public BrokerBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
