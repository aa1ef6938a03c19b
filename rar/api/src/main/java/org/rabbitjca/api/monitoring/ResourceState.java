// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one resource's condition.
 *
 * @param condition how it is doing
 * @param reason why it is blocked or down (the broker's reason, the last error); empty when up or idle
 * @param since since when it is blocked or down; {@code null} when up or idle
 * @param nextAttempt when the adapter tries to reconnect next, when known; {@code null} otherwise
 */
public record ResourceState(Condition condition, String reason, Instant since, Instant nextAttempt) {

    /** The state of a resource that is up. */
    public static final ResourceState UP = new ResourceState(Condition.UP, "", null, null);

    /** The state of a pool whose first connection is still being opened. */
    public static final ResourceState IDLE = new ResourceState(Condition.IDLE, "", null, null);

    /** @param reason never null: an empty string when there is none */
    public ResourceState {
        reason = reason == null ? "" : reason;
    }

    /** @return {@link #since}, when there is one */
    public Optional<Instant> sinceWhen() {
        return Optional.ofNullable(since);
    }

    /** @return {@link #nextAttempt}, when there is one */
    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttempt);
    }
}
