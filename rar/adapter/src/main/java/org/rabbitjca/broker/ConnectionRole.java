// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

/**
 * What a physical connection is used for. Publishers and consumers never share a connection: when the broker blocks
 * a connection for publishing (memory or disk alarm), the acknowledgements of consumers on it must still flow.
 */
public enum ConnectionRole {
    /** Channels of outbound pools. */
    PUBLISH("publish"),
    /** Channels of message-driven bean endpoints. */
    CONSUME("consume");

    private final String label;

    ConnectionRole(String label) {
        this.label = label;
    }

    /** @return the role as shown in the client-provided connection name */
    public String label() {
        return label;
    }
}
