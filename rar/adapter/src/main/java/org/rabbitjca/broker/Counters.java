// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one pool or one bean, kept where the events happen. A {@link LongAdder} per measure: adding takes
 * no lock and threads that publish or deliver at once do not contend on one memory word; reading sums the cells.
 * Thread-safe.
 */
public final class Counters {

    private final ResourceKind kind;
    private final LongAdder[] adders = new LongAdder[Measure.values().length];

    /** @param kind whose measures are counted: adding one of the other kind is a programming error */
    public Counters(ResourceKind kind) {
        this.kind = kind;
        for (Measure measure : Measure.of(kind)) {
            adders[measure.ordinal()] = new LongAdder();
        }
    }

    /** @param measure a count that went up by one */
    public void increment(Measure measure) {
        adder(measure).increment();
    }

    /**
     * @param measure a count, a time or a level
     * @param amount how much it changed: events, nanoseconds, or a level's step (negative when it goes down)
     */
    public void add(Measure measure, long amount) {
        adder(measure).add(amount);
    }

    /**
     * @param measure one of this kind's measures
     * @return its value now
     */
    public long value(Measure measure) {
        return adder(measure).sum();
    }

    private LongAdder adder(Measure measure) {
        LongAdder adder = adders[measure.ordinal()];
        if (adder == null) {
            throw new IllegalArgumentException(measure + " is not a measure of a " + kind.label());
        }
        return adder;
    }
}
