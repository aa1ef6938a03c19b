// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A container timer that only records what is scheduled and with which delay: the test fires each task when it
 * chooses, on its own thread. Cancelled, it refuses new tasks as {@link Timer} does.
 */
final class ManualTimer extends Timer {

    /** One scheduled task and the delay it asked for. */
    record Scheduled(TimerTask task, long delayMillis) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private boolean cancelled;

    ManualTimer() {
        super("manual test timer", true);
        super.cancel(); // the real timer thread is never used
    }

    @Override
    public void schedule(TimerTask task, long delay) {
        if (cancelled) {
            throw new IllegalStateException("Timer already cancelled.");
        }
        scheduled.add(new Scheduled(task, delay));
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    /** @return the delays of the tasks scheduled and not fired yet, oldest first */
    List<Long> delays() {
        return scheduled.stream().map(Scheduled::delayMillis).toList();
    }

    /** Fires the oldest scheduled task, as the timer thread would once its delay passed. */
    void fireNext() {
        if (scheduled.isEmpty()) {
            throw new AssertionError("no task was scheduled");
        }
        scheduled.remove(0).task().run();
    }
}
