// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.app;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a load inside the server for a fixed time and answers what it achieved as {@code key=value} lines:
 * {@code messages}, {@code millis}, {@code errors}, and latency percentiles in microseconds.
 */
@Path("bench")
@Produces(MediaType.TEXT_PLAIN)
public class BenchResource {

    /** The body of every benchmark message: 1 KiB. */
    static final byte[] BODY = new byte[1024];
    private static final int ASYNC_BATCH = 100;

    @EJB
    private BenchPublisher publisher;

    @EJB
    private BenchOrders orders;

    @Resource
    private ManagedThreadFactory threads;

    /**
     * {@code threads} callers each publish one message per call through the pool, for {@code millis}.
     *
     * @param confirmed whether the pool waits for confirms
     */
    @POST
    @Path("publish")
    public String publish(@QueryParam("queue") String queue, @QueryParam("threads") int callers,
                          @QueryParam("millis") long millis, @QueryParam("confirmed") boolean confirmed)
            throws InterruptedException {
        return callConcurrently(callers, millis, confirmed ? () -> publisher.publishConfirmed(queue, BODY)
                : () -> publisher.publishUnconfirmed(queue, BODY));
    }

    /** {@code threads} callers each send one message per call through the JMS face, for {@code millis}. */
    @POST
    @Path("send-jms")
    public String sendJms(@QueryParam("queue") String queue, @QueryParam("threads") int callers,
                          @QueryParam("millis") long millis) throws InterruptedException {
        return callConcurrently(callers, millis, () -> publisher.sendJms(queue, BODY));
    }

    /**
     * {@code threads} callers each place one order per call ({@link BenchOrders}: a row and three messages), for
     * {@code millis}; {@code messages} in the answer counts orders.
     *
     * @param mode {@code transaction}, {@code xa} (a transaction with a no-work XA resource enlisted too) or
     *             {@code none}
     */
    @POST
    @Path("orders")
    public String orders(@QueryParam("queue") String queue, @QueryParam("threads") int callers,
                         @QueryParam("millis") long millis, @QueryParam("mode") String mode)
            throws InterruptedException {
        long preparedBefore = NoWorkXaResource.PREPARED.get();
        String answer = callConcurrently(callers, millis, switch (mode) {
            case "transaction" -> () -> orders.inTransaction(queue, BODY);
            case "xa" -> () -> orders.inTransactionWithAnXaResource(queue, BODY);
            case "none" -> () -> orders.withoutTransaction(queue, BODY);
            default -> throw new IllegalArgumentException("mode is transaction, xa or none, not " + mode);
        });
        return answer + "xaPrepared=" + (NoWorkXaResource.PREPARED.get() - preparedBefore) + "\n";
    }

    private String callConcurrently(int callers, long millis, Call call) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[callers][];
        List<Thread> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            Thread thread = threads.newThread(() -> latencies[caller] = callUntil(deadline, errors, call));
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return "messages=" + all.length + "\nmillis=" + elapsed / 1_000_000.0 + "\nerrors=" + errors
                + "\np50=" + percentile(all, 0.50) + "\np99=" + percentile(all, 0.99) + "\n";
    }

    /** One caller publishing with {@code publishAsync}, at most 1 000 messages awaiting their confirm. */
    @POST
    @Path("publish-async")
    public String publishAsync(@QueryParam("queue") String queue, @QueryParam("millis") long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Semaphore outstanding = new Semaphore(1_000);
        AtomicLong confirmed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            outstanding.acquire(ASYNC_BATCH);
            for (CompletableFuture<?> confirm : publisher.publishAsync(queue, BODY, ASYNC_BATCH)) {
                confirm.whenComplete((ignored, failure) -> {
                    (failure == null ? confirmed : errors).incrementAndGet();
                    outstanding.release();
                });
            }
        }
        outstanding.acquire(1_000);
        long elapsed = System.nanoTime() - start;
        return "messages=" + confirmed + "\nmillis=" + elapsed / 1_000_000.0 + "\nerrors=" + errors + "\n";
    }

    /** Forgets what the listeners consumed so far. */
    @POST
    @Path("consumed/reset")
    public String resetConsumed() {
        ConsumeCounter.reset();
        return "reset=true\n";
    }

    /** @return what one listener consumed since the last reset, and how long from the first to the last */
    @GET
    @Path("consumed")
    public String consumed(@QueryParam("listener") String listener) {
        return ConsumeCounter.of(listener);
    }

    /** One call of a caller. */
    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static long[] callUntil(long deadline, AtomicLong errors, Call call) {
        long[] latencies = new long[4096];
        int count = 0;
        while (System.nanoTime() < deadline) {
            long begin = System.nanoTime();
            try {
                call.run();
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = (System.nanoTime() - begin) / 1_000;
            } catch (Exception failure) {
                errors.incrementAndGet();
            }
        }
        return Arrays.copyOf(latencies, count);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
    }
}
