// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.it.probe.ConnectProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Places orders for the tests and answers {@code key=value} lines: {@code outcome=returned} (no exception; a bean
 * that marked its transaction for rollback returns too), or {@code outcome=failed} with the exception the caller got
 * and its whole cause chain; for {@code publishAsync}, what became of the futures.
 */
@Path("tx")
@Produces(MediaType.TEXT_PLAIN)
public class TransactionProbe {

    @EJB
    private OrderService orders;

    @EJB
    private TimedOutOrder timedOut;

    @EJB
    private CommitGate gate;

    @Resource
    private ManagedExecutorService executor;

    /** Places one order ({@link OrderRequest}). */
    @POST
    @Path("order")
    public String order(@QueryParam("pool") @DefaultValue("java:app/rabbitmq/probe") String pool,
                        @QueryParam("db") @DefaultValue(OrderService.NON_XA) String dataSource,
                        @QueryParam("table") @DefaultValue(OrderService.TABLE) String table,
                        @QueryParam("ref") String ref, @QueryParam("queue") String queue,
                        @QueryParam("messages") @DefaultValue("3") int messages,
                        @QueryParam("handles") @DefaultValue("1") int handles,
                        @QueryParam("mandatory") boolean mandatory, @QueryParam("async") boolean async,
                        @QueryParam("pause") boolean pause,
                        @QueryParam("ending") @DefaultValue("COMMIT") Ending ending) throws Exception {
        long start = System.nanoTime();
        OrderService.Placed placed;
        try {
            placed = orders.place(new OrderRequest(pool, dataSource, table, ref, queue, messages, handles, mandatory,
                    async, pause, ending));
        } catch (Exception failure) {
            return ConnectProbe.failedWithChain(failure) + "millis="
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + "\n";
        }
        return "outcome=returned\n" + futures(placed);
    }

    /** Places an order whose row JPA writes, persisting before or after the publish. */
    @POST
    @Path("jpa")
    public String jpa(@QueryParam("ref") String ref, @QueryParam("queue") String queue,
                      @QueryParam("publishFirst") boolean publishFirst) {
        try {
            if (publishFirst) {
                orders.publishThenPersist(ref, queue);
            } else {
                orders.persistThenPublish(ref, queue);
            }
            return "outcome=returned\n";
        } catch (RuntimeException failure) {
            return ConnectProbe.failedWithChain(failure);
        }
    }

    /** Places an order whose transaction times out before its commit. */
    @POST
    @Path("timeout")
    public String timeout(@QueryParam("ref") String ref, @QueryParam("queue") String queue) throws Exception {
        return "outcome=" + timedOut.place(ref, queue) + "\n";
    }

    /** @return whether an order waits between its publishes and its commit */
    @GET
    @Path("paused")
    public String paused() {
        return "paused=" + gate.waiting() + "\n";
    }

    /** Lets the waiting order commit. */
    @POST
    @Path("resume")
    public String resume() {
        gate.open();
        return "resumed=true\n";
    }

    /**
     * {@code callers} threads each commit {@code transactions} orders {@code <prefix>-<caller>-<n>} of
     * {@code messages} messages; answers how many committed and failed.
     */
    @POST
    @Path("concurrently")
    public String concurrently(@QueryParam("pool") String pool, @QueryParam("prefix") String prefix,
                               @QueryParam("queue") String queue, @QueryParam("callers") int callers,
                               @QueryParam("transactions") int transactions,
                               @QueryParam("messages") int messages) throws Exception {
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("none");
        List<Future<?>> tasks = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            tasks.add(executor.submit(() -> {
                for (int n = 0; n < transactions; n++) {
                    try {
                        orders.place(new OrderRequest(pool, OrderService.NON_XA, OrderService.TABLE,
                                prefix + "-" + caller + "-" + n, queue, messages, 1, false, false, false,
                                Ending.COMMIT));
                        committed.incrementAndGet();
                    } catch (Exception failure) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("none", ConnectProbe.chain(failure));
                    }
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.MINUTES);
        }
        return "committed=" + committed + "\nfailed=" + failed + "\nfirstFailure=" + firstFailure + "\n";
    }

    private static String futures(OrderService.Placed placed) throws InterruptedException {
        int confirmed = 0;
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> future : placed.futures()) {
            try {
                future.get(30, TimeUnit.SECONDS);
                confirmed++;
            } catch (ExecutionException failure) {
                failures.add(oneLine(failure.getCause().getMessage()));
            } catch (TimeoutException late) {
                failures.add("not complete after 30 s");
            }
        }
        return "futures=" + placed.futures().size() + "\nfuturesDoneBeforeCommit=" + placed.doneBeforeCommit()
                + "\nfuturesConfirmed=" + confirmed + "\nfuturesFailed=" + failures.size()
                + "\nfirstFutureFailure=" + (failures.isEmpty() ? "none" : failures.get(0)) + "\n";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
