// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;

/**
 * A test WorkManager of the one kind the adapter uses: it only schedules work; {@code doWork} and {@code startWork}
 * fail, and the long forms of {@code scheduleWork} go to the short one, which a fake implements.
 */
interface SchedulingOnlyWorkManager extends WorkManager {

    @Override
    void scheduleWork(Work work) throws WorkRejectedException;

    @Override
    default void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener)
            throws WorkRejectedException {
        scheduleWork(work);
    }

    @Override
    default void doWork(Work work) {
        throw new UnsupportedOperationException("the adapter only schedules work");
    }

    @Override
    default void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        doWork(work);
    }

    @Override
    default long startWork(Work work) {
        throw new UnsupportedOperationException("the adapter only schedules work");
    }

    @Override
    default long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
        return startWork(work);
    }
}
