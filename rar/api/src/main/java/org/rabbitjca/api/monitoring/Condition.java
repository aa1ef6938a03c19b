// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

/** How a pool's connections or a bean's consumer are doing right now. */
public enum Condition {
    /** Connected: a pool's connections are open and may publish; a bean's consumer is subscribed. */
    UP,
    /** A pool whose first connection is still being opened: nothing is known yet. */
    IDLE,
    /** Connected, but the broker blocks publishing on a connection because of a memory or disk alarm. */
    BLOCKED,
    /** A connection is lost or cannot be opened, or a bean is not consuming; the adapter keeps trying. */
    DOWN;

    /** @return whether a readiness check counts this as ready: {@link #UP} and {@link #IDLE} */
    public boolean ready() {
        return this == UP || this == IDLE;
    }
}
