// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The broker refused the login: wrong user or password, or a client certificate it does not accept (SASL EXTERNAL); the
 * message names the user and mechanism, never the password.
 */
public class LoginRefusedException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying failure
     */
    public LoginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
