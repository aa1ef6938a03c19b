// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.api.BrokerUnavailableException;

import java.time.Instant;
import java.util.Optional;

/**
 * Thrown at once, without trying, while the broker is known to be down ({@link BrokerOutage}): the application
 * sees a {@link BrokerUnavailableException}, and the adapter's own retry loops learn when the next real attempt is
 * due, so that they wait for it instead of running a second backoff on top of the outage's.
 */
public final class FailingFastException extends BrokerUnavailableException {

    private static final long serialVersionUID = 1L;

    private final transient Instant nextAttempt;

    FailingFastException(String message, Throwable cause, Instant nextAttempt) {
        super(message, cause);
        this.nextAttempt = nextAttempt;
    }

    /**
     * @return when the next attempt to connect is due, empty while amqp-client's recovery makes it (its
     *         connection's recovery listeners are told when it succeeds)
     */
    public Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }
}
