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
 * Runs the deliveries of one consumer session on WorkManager threads, at most as many at once as the endpoint's
 * {@link ConcurrencyLimit} allows, which it shares with the endpoint's earlier sessions whose deliveries may still
 * run; deliveries beyond that wait here (never more than the prefetch, which the broker enforces). Each worker is
 * one {@link Work} holding one permit, processing deliveries in arrival order until none is waiting. The bound is
 * needed because the container caps the instances of a message-driven bean (Payara: the bean pool's
 * max-pool-size, 32 by default) and refuses endpoints beyond it, and because a bean's declared bound is a promise.
 *
 * <p>Threading: {@link #dispatch} is called on amqp-client's dispatch thread; workers run on WorkManager threads;
 * {@link #permitGranted} on whichever thread released the permit; {@link #awaitIdle} on the thread ending the
 * session. State is guarded by this object's monitor, which is never held while the limit hands a permit on.
 */
final class DeliveryDispatcher {

    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());

    /** What a worker processes its deliveries with; closed when the worker ends. */
    interface Handler extends AutoCloseable {
        /** Processes and settles one delivery; throws only an {@link Error}, which ends the worker. */
        void handle(DeliveredMessage message);

        @Override
        void close();
    }

    private final WorkManager workManager;
    private final ConcurrencyLimit limit;
    private final Supplier<Handler> handlers;
    private final Consumer<DeliveredMessage> requeue;
    private final String endpointName;
    private final Deque<DeliveredMessage> waiting = new ArrayDeque<>();
    private int running;
    private boolean stopped;

    /**
     * @param workManager the container's WorkManager
     * @param limit the endpoint's bound on deliveries at once, shared by all its sessions
     * @param handlers gives each worker its handler
     * @param requeue gives back a delivery that could not be scheduled
     * @param endpointName names the endpoint in logs
     */
    DeliveryDispatcher(WorkManager workManager, ConcurrencyLimit limit, Supplier<Handler> handlers,
                       Consumer<DeliveredMessage> requeue, String endpointName) {
        this.workManager = workManager;
        this.limit = limit;
        this.handlers = handlers;
        this.requeue = requeue;
        this.endpointName = endpointName;
    }

    /** Processes the delivery on a new worker when a permit is free, else after the deliveries before it. */
    void dispatch(DeliveredMessage message) {
        synchronized (this) {
            if (stopped) {
                return; // its channel is closing: the broker redelivers it
            }
            waiting.add(message);
        }
        startWorkers();
    }

    /** The limit handed this dispatcher a permit it waited for: a worker takes it, or it goes back. */
    void permitGranted() {
        DeliveredMessage first = takeWaiting();
        if (first == null) {
            limit.release();
            return;
        }
        start(first);
        startWorkers();
    }

    /** Starts a worker, in arrival order, for each waiting delivery a free permit allows. */
    private void startWorkers() {
        while (true) {
            DeliveredMessage next;
            synchronized (this) {
                if (stopped || waiting.isEmpty() || !limit.tryAcquire(this)) {
                    return;
                }
                next = waiting.poll();
                running++;
            }
            start(next);
        }
    }

    /** @return the first waiting delivery, counted as running, for the caller's permit; null when none waits */
    private synchronized DeliveredMessage takeWaiting() {
        DeliveredMessage first = stopped ? null : waiting.poll();
        if (first != null) {
            running++;
        }
        return first;
    }

    private void start(DeliveredMessage first) {
        try {
            workManager.scheduleWork(new Worker(first));
        } catch (WorkException rejected) {
            LOG.log(Level.WARNING, "{0}: the WorkManager refused a delivery, which goes back to the queue: {1}",
                    endpointName, rejected.toString());
            workerEnded();
            requeue.accept(first);
        }
    }

    /** @return the next delivery for a worker that finished one, or null when the worker ends (its permit too) */
    private DeliveredMessage nextOrEnd() {
        synchronized (this) {
            DeliveredMessage next = stopped ? null : waiting.poll();
            if (next != null) {
                return next;
            }
        }
        workerEnded();
        return null;
    }

    private void workerEnded() {
        synchronized (this) {
            running--;
            if (running == 0) {
                notifyAll();
            }
        }
        limit.release();
    }

    /**
     * Takes no more deliveries and drops those not started yet: their channel is gone or going, and the broker
     * redelivers them; processing them now would only make duplicates. Deliveries under way run to their end.
     */
    synchronized void stop() {
        stopped = true;
        waiting.clear();
    }

    /**
     * Waits until the deliveries under way end or the deadline passes.
     *
     * @param timeoutMillis the longest wait
     * @return how many deliveries were still running at the deadline (0 when all ended)
     */
    synchronized int awaitIdle(long timeoutMillis) throws InterruptedException {
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

    /** One WorkManager thread, holding one permit, processing deliveries until none waits. */
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
                    // Ended by an Error: the handler settled the delivery in hand if it could; if not, the broker
                    // redelivers it once its channel closes.
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
