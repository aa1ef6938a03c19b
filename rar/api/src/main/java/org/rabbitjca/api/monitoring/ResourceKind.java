// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

/** What an adapter resource serves: an outbound connection pool, or a message-driven bean's consumer. */
public enum ResourceKind {
    /** A connection pool (a connection factory applications publish through). */
    POOL("pool"),
    /** The consumer feeding one message-driven bean (one activation). */
    BEAN("bean");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    /** @return the lower-case word health checks and metric tags use: {@code pool} or {@code bean} */
    public String label() {
        return label;
    }
}
