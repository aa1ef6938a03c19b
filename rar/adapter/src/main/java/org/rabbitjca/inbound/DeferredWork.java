// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;

import java.lang.System.Logger.Level;
import java.util.TimerTask;

/**
 * Runs short tasks on the container's WorkManager after a delay. The container's timer schedules them, and its one
 * thread only hands each task over, so that a task that blocks (opening a connection) never delays the timer's
 * others. A task the WorkManager refuses is offered again after a fixed delay; once the timer is cancelled (the
 * adapter stops), nothing more is scheduled. Thread-safe: the timer and the WorkManager are.
 */
final class DeferredWork {

    private static final System.Logger LOG = System.getLogger(DeferredWork.class.getName());

    private final ContainerServices container;
    private final long refusedRetryMillis;
    private final String ownerName;

    /**
     * @param container the container's timer and WorkManager
     * @param refusedRetryMillis how long a task the WorkManager refused waits before it is offered again
     * @param ownerName names the owner of the tasks in logs
     */
    DeferredWork(ContainerServices container, long refusedRetryMillis, String ownerName) {
        this.container = container;
        this.refusedRetryMillis = refusedRetryMillis;
        this.ownerName = ownerName;
    }

    /**
     * @param delayMillis how long to wait before handing the task to the WorkManager; 0 hands it over at once
     * @param task a short task; it runs on a WorkManager thread
     */
    void runLater(long delayMillis, Runnable task) {
        TimerTask handOver = new TimerTask() {
            @Override
            public void run() {
                try {
                    container.workManager().scheduleWork(new Work() {
                        @Override
                        public void run() {
                            task.run();
                        }

                        @Override
                        public void release() {
                            // restarts and session ends are short; nothing to interrupt
                        }
                    });
                } catch (WorkException rejected) {
                    LOG.log(Level.WARNING, "{0}: the WorkManager refused a restart, trying again later: {1}",
                            ownerName, rejected.toString());
                    runLater(refusedRetryMillis, task);
                }
            }
        };
        try {
            container.timer().schedule(handOver, delayMillis);
        } catch (IllegalStateException timerCancelled) {
            LOG.log(Level.DEBUG, "{0}: the adapter is stopping; nothing more is scheduled", ownerName);
        }
    }
}
