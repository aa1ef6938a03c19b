// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/** The broker has no such virtual host, or the user may not use it. */
public class VirtualHostRefusedException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public VirtualHostRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
