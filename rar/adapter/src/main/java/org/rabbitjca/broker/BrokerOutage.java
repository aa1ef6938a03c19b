// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.ResourceState;
import org.rabbitjca.settings.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.IntToLongFunction;

/**
 * A circuit breaker over one group's connections: while the broker is down, callers fail at once with an exception
 * that says since when, why, and when the next attempt is, instead of each waiting on a dead socket. Attempts follow
 * the group's backoff, for the first connection as for amqp-client's recovery of a lost one. Thread-safe.
 */
final class BrokerOutage {

    private final IntToLongFunction delayMillis;
    private final Clock clock;
    private Instant since;              // guarded by this; null while the broker is reachable
    private String reason;              // guarded by this
    private BrokerUnavailableException failure; // guarded by this; the last failure to connect, if any
    private Instant nextAttempt;        // guarded by this
    private int failedAttempts;         // guarded by this

    BrokerOutage(Backoff backoff) {
        this(backoff::delayMillis, Clock.systemUTC());
    }

    /**
     * @param delayMillis the wait after so many failed attempts in a row, from 0
     * @param clock tells the time
     */
    BrokerOutage(IntToLongFunction delayMillis, Clock clock) {
        this.delayMillis = delayMillis;
        this.clock = clock;
    }

    /**
     * @throws FailingFastException when the broker is down and the next attempt is not due yet, or is being made
     *                              by amqp-client's recovery
     */
    synchronized void failFastIfDown() {
        if (since == null) {
            return;
        }
        Instant now = clock.instant();
        boolean firstConnectDue = failure != null && nextAttempt != null && !now.isBefore(nextAttempt);
        if (firstConnectDue) {
            return; // this caller makes the next attempt
        }
        String next = nextAttempt == null || !now.isBefore(nextAttempt) ? "an attempt to reconnect is under way"
                : "the next attempt is at " + Sentences.clock(nextAttempt) + " (in "
                + Duration.between(now, nextAttempt).truncatedTo(ChronoUnit.MILLIS).toMillis() + " ms)";
        throw new FailingFastException("The broker is unavailable since " + Sentences.clock(since) + ": "
                + Sentences.end(reason) + " Failing at once instead of waiting: " + next + ".", failure,
                failure != null ? nextAttempt : null);
    }

    /** @return the connection's state while the broker is down (why, since when, next attempt), else {@code null} */
    synchronized ResourceState downState() {
        return since == null ? null : new ResourceState(Condition.DOWN, reason, since, nextAttempt);
    }

    /** A connection attempt failed: the next one waits for the backoff. */
    synchronized void connectFailed(BrokerUnavailableException cause) {
        Instant now = clock.instant();
        if (since == null) {
            since = now;
        }
        failure = cause;
        reason = cause.getMessage();
        nextAttempt = now.plusMillis(delayMillis.applyAsLong(failedAttempts++));
    }

    /**
     * An open connection was lost; amqp-client recovers it.
     *
     * @param why what ended it, as {@link CloseReason#describe()} says: {@code the connection was lost: ...}
     */
    synchronized void lost(String why) {
        if (since == null) {
            since = clock.instant();
        }
        failure = null;
        reason = Sentences.end(why);
    }

    /**
     * amqp-client's recovery asks how long to wait before its attempt.
     *
     * @return the wait, from the backoff
     */
    synchronized long recoveryDelayMillis(int attempt) {
        long delay = delayMillis.applyAsLong(attempt);
        nextAttempt = clock.instant().plusMillis(delay);
        return delay;
    }

    /** amqp-client's recovery tries now, before its backoff ran out: callers are told an attempt is under way. */
    synchronized void recoveringNow() {
        nextAttempt = null;
    }

    /** A connection is open (again): callers go through. */
    synchronized void connected() {
        since = null;
        reason = null;
        failure = null;
        nextAttempt = null;
        failedAttempts = 0;
    }
}
