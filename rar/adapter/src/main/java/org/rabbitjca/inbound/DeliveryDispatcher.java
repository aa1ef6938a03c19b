// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs deliveries on at most {@code maxConcurrency} WorkManager threads at once; deliveries beyond that wait here
 * (never more than the prefetch, which the broker enforces). Each worker is one {@link Work} that processes
 * deliveries until none is waiting. The bound is needed because the container caps the instances of a
 * message-driven bean (Payara: the bean pool's max-pool-size, 32 by default) and refuses endpoints beyond it.
 *
 * <p>Threading: {@link #dispatch} is called on amqp-client's dispatch thread; workers run on WorkManager threads;
 * {@link #awaitIdle} on the deactivating thread. All state is guarded by this object's monitor.
 */
final class DeliveryDispatcher {

    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());

    /** What a worker processes its deliveries with; closed when the worker ends. */
    interface Handler extends AutoCloseable {
        /** Processes and settles one delivery; never throws. */
        void handle(DeliveredMessage message);

        @Override
        void close();
    }

    private final WorkManager workManager;
    private final int maxConcurrency;
    private final Supplier<Handler> handlers;
    private final Consumer<DeliveredMessage> requeue;
    private final String endpointName;
    private final Deque<DeliveredMessage> waiting = new ArrayDeque<>();
    private int running;

    /**
     * @param workManager the container's WorkManager
     * @param maxConcurrency the most deliveries processed at once
     * @param handlers gives each worker its handler
     * @param requeue gives back a delivery that could not be scheduled
     * @param endpointName names the endpoint in logs
     */
    DeliveryDispatcher(WorkManager workManager, int maxConcurrency, Supplier<Handler> handlers,
                       Consumer<DeliveredMessage> requeue, String endpointName) {
        this.workManager = workManager;
        this.maxConcurrency = maxConcurrency;
        this.handlers = handlers;
        this.requeue = requeue;
        this.endpointName = endpointName;
    }

    /** Processes the delivery on a free worker, starting one if fewer than the maximum run, or queues it. */
    void dispatch(DeliveredMessage message) {
        synchronized (this) {
            if (running >= maxConcurrency) {
                waiting.add(message);
                return;
            }
            running++;
        }
        try {
            workManager.scheduleWork(new Worker(message));
        } catch (WorkException rejected) {
            LOG.log(Level.WARNING, "{0}: the WorkManager refused a delivery, which goes back to the queue: {1}",
                    endpointName, rejected.toString());
            workerEnded();
            requeue.accept(message);
        }
    }

    private synchronized DeliveredMessage nextOrEnd() {
        DeliveredMessage next = waiting.poll();
        if (next == null) {
            workerEnded();
        }
        return next;
    }

    private synchronized void workerEnded() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    /**
     * Drops the deliveries not started yet: their channel is gone or going, and the broker redelivers them;
     * processing them now would only make duplicates.
     */
    synchronized void dropWaiting() {
        waiting.clear();
    }

    /**
     * Drops the deliveries not started yet (closing the channel requeues them) and waits until the running ones end
     * or the deadline passes.
     *
     * @param timeoutMillis the longest wait
     * @return how many deliveries were still running at the deadline (0 when all ended)
     */
    synchronized int awaitIdle(long timeoutMillis) throws InterruptedException {
        waiting.clear();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (running > 0) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                break;
            }
            wait(leftMillis);
        }
        return running;
    }

    /** One WorkManager thread processing deliveries until none waits. */
    private final class Worker implements Work {
        private final DeliveredMessage first;

        Worker(DeliveredMessage first) {
            this.first = first;
        }

        @Override
        public void run() {
            DeliveredMessage next = first;
            try (Handler handler = handlers.get()) {
                while (next != null) {
                    handler.handle(next);
                    next = nextOrEnd();
                }
            } finally {
                if (next != null) {
                    // Ended by an unexpected exception: the delivery in hand is redelivered once its channel closes.
                    workerEnded();
                }
            }
        }

        @Override
        public void release() {
            // onMessage runs to its end; deactivation waits for it with a deadline.
        }
    }
}
