// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

/**
 * A test node could not be started, stopped, killed or queried. The message says what was attempted, on which
 * node, and, for start-up failures, ends with the tail of the node's log.
 */
public class RabbitNodeException extends RuntimeException {

    /**
     * @param message what failed, on which node, and what to do about it
     */
    public RabbitNodeException(String message) {
        super(message);
    }

    /**
     * @param message what failed, on which node, and what to do about it
     * @param cause   the underlying failure
     */
    public RabbitNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
