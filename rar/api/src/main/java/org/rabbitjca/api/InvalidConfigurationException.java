// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * The connection pool's configuration is invalid: the message names the pool and lists every invalid property
 * with what is allowed. Nothing was sent. Retrying does not help; fix the pool's properties and redeploy.
 */
public class InvalidConfigurationException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the pool and every invalid property
     * @param cause the adapter's validation failure
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
