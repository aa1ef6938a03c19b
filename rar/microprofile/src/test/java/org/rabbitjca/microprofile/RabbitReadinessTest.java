// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.microprofile;

import org.junit.jupiter.api.Test;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceState;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an operator reads in a readiness entry, and the metric names. */
class RabbitReadinessTest {

    private static final Instant SINCE = Instant.parse("2026-12-01T10:00:00.123456789Z");

    @Test
    void anEntrySaysTheConditionSinceWhenWhyAndTheNextAttemptToTheMillisecond() {
        assertAll(() -> assertEquals("UP", RabbitReadiness.describe(ResourceState.UP)),
                () -> assertEquals("IDLE", RabbitReadiness.describe(ResourceState.IDLE)),
                () -> assertEquals("DOWN since 2026-12-01T10:00:00.123Z: the connection was lost: "
                        + "java.io.EOFException. Next attempt at 2026-12-01T10:00:04.123Z.",
                        RabbitReadiness.describe(new ResourceState(Condition.DOWN, "the connection was lost: "
                                + "java.io.EOFException.", SINCE, SINCE.plusSeconds(4)))),
                () -> assertEquals("BLOCKED since 2026-12-01T10:00:00.123Z: low on memory.",
                        RabbitReadiness.describe(new ResourceState(Condition.BLOCKED, "low on memory", SINCE,
                                null))));
    }

    @Test
    void metricNamesArePrefixedByKindAndDotted() {
        assertAll(() -> assertEquals("rabbitjca.pool.confirm.wait", RabbitMetrics.name(Measure.CONFIRM_WAIT)),
                () -> assertEquals("rabbitjca.bean.dead.lettered", RabbitMetrics.name(Measure.DEAD_LETTERED)));
    }
}
