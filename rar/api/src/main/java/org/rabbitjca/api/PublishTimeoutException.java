// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/**
 * No confirm arrived within the pool's {@code confirmTimeoutMillis}. The broker may still store the message:
 * treat it as "unknown", and give messages a stable message id so consumers can drop duplicates of a retry.
 */
public class PublishTimeoutException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was waited for, how long, and what to check
     */
    public PublishTimeoutException(String message) {
        super(message);
    }
}
