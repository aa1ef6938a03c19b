// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkRejectedException;

import java.util.ArrayDeque;
import java.util.Deque;

/** A WorkManager that only queues work: the test runs each piece when it chooses, on its own thread. */
final class ManualWorkManager implements SchedulingOnlyWorkManager {

    private final Deque<Work> scheduled = new ArrayDeque<>();
    private boolean refusing;

    /** From now on, refuses all work as a saturated container would. */
    void refuseAll() {
        refusing = true;
    }

    /** @return how many pieces of work wait to be run */
    int scheduled() {
        return scheduled.size();
    }

    /** Runs the oldest scheduled work to its end. */
    void runNext() {
        Work next = scheduled.poll();
        if (next == null) {
            throw new AssertionError("no work was scheduled");
        }
        next.run();
    }

    @Override
    public void scheduleWork(Work work) throws WorkRejectedException {
        if (refusing) {
            throw new WorkRejectedException("refused by the test");
        }
        scheduled.add(work);
    }
}
