// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import com.rabbitmq.client.Channel;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.api.PublishReturnedException;
import org.rabbitjca.api.RabbitConnection;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the tests drive inside the server. Each probe answers {@code key=value} lines that the test asserts on,
 * next to what it counts on the broker itself.
 */
@Path("probe")
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {

    @EJB
    private ProbePublisher publisher;

    @EJB
    private DeliveryLog deliveries;

    @EJB
    private DeliveryTable table;

    @Resource
    private ManagedExecutorService executor;

    /**
     * Publishes {@code threads × perThread} messages {@code t<thread>-<i>} to a queue, concurrently, each through a
     * fresh handle from the pool with a confirm, {@code mandatory} when asked.
     */
    @POST
    @Path("publish-concurrently")
    public String publishConcurrently(@QueryParam("queue") String queue, @QueryParam("threads") int threads,
                                      @QueryParam("perThread") int perThread,
                                      @QueryParam("mandatory") boolean mandatory) throws Exception {
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("none");
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(executor.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    try {
                        publisher.publish("", queue, mandatory, "t" + thread + "-" + i);
                        confirmed.incrementAndGet();
                    } catch (RuntimeException failure) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("none", failure.toString());
                    }
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get(5, TimeUnit.MINUTES);
        }
        return "confirmed=" + confirmed + "\nfailed=" + failed + "\nfirstFailure=" + firstFailure + "\n";
    }

    /**
     * Publishes {@code times} messages to an exchange that does not exist, each through a fresh handle, then one
     * message to {@code queue}, which must work.
     */
    @POST
    @Path("publish-to-missing-exchange")
    public String publishToMissingExchange(@QueryParam("times") int times, @QueryParam("queue") String queue) {
        int channelClosed = 0;
        String first = "none";
        String unexpected = "none";
        for (int i = 0; i < times; i++) {
            try {
                publisher.publish("no-such-exchange", "any", false, "lost-" + i);
                unexpected = "publish " + i + " succeeded";
            } catch (RuntimeException failure) {
                ChannelClosedException closed = causeOf(failure, ChannelClosedException.class);
                if (closed == null) {
                    unexpected = failure.toString();
                } else {
                    channelClosed++;
                    if (first.equals("none")) {
                        first = closed.replyCode() + " " + closed.replyText();
                    }
                }
            }
        }
        publisher.publish("", queue, false, "after-failures");
        return "channelClosed=" + channelClosed + "\nfirstReason=" + first + "\nunexpected=" + unexpected
                + "\nafterwards=published\n";
    }

    /**
     * Publishes {@code count} messages with {@code publishAsync} on one handle, closes it, then waits for every
     * confirm; then one mandatory message nobody takes, whose future must fail as returned.
     */
    @POST
    @Path("publish-async")
    public String publishAsync(@QueryParam("queue") String queue, @QueryParam("count") int count) throws Exception {
        List<CompletableFuture<Void>> confirms = new ArrayList<>();
        CompletableFuture<Void> unroutable;
        try (RabbitConnection connection = publisher.factory().getConnection()) {
            for (int i = 0; i < count; i++) {
                confirms.add(connection.publishAsync("", queue, null, ("async-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            unroutable = connection.publishAsync("", "no-queue-has-this-name", true, null, new byte[0]);
        }
        CompletableFuture.allOf(confirms.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        long confirmed = confirms.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
        String unroutableOutcome;
        try {
            unroutable.get(30, TimeUnit.SECONDS);
            unroutableOutcome = "confirmed";
        } catch (ExecutionException failed) {
            unroutableOutcome = failed.getCause().getClass().getSimpleName();
        }
        return "confirmed=" + confirmed + "\nunroutable=" + unroutableOutcome + "\n";
    }

    /** Publishes a mandatory message that no queue takes, outside a transaction: the EJB's own method fails. */
    @POST
    @Path("publish-unroutable")
    public String publishUnroutable() {
        try {
            publisher.publishOutsideTransaction("", "no-queue-has-this-name", true, "unroutable");
            return "outcome=published\n";
        } catch (RuntimeException failure) {
            PublishReturnedException returned = causeOf(failure, PublishReturnedException.class);
            return returned == null ? "outcome=" + failure + "\n"
                    : "outcome=returned\nreplyCode=" + returned.replyCode() + "\nreplyText=" + returned.replyText()
                    + "\nmessage=" + returned.getMessage() + "\ncallerGot=" + failure.getClass().getSimpleName() + "\n";
        }
    }

    /**
     * Tries the channel operations the pool owns through the channel view, then declares {@code queue} again with
     * other arguments, which the broker refuses; then checks that the pool still hands out working channels.
     */
    @POST
    @Path("channel-view")
    public String channelView(@QueryParam("queue") String queue) throws Exception {
        StringBuilder answer = new StringBuilder();
        try (RabbitConnection connection = publisher.factory().getConnection()) {
            Channel channel = connection.channel();
            answer.append("refused.close=").append(refusal(channel::close)).append('\n');
            answer.append("refused.confirmSelect=").append(refusal(channel::confirmSelect)).append('\n');
            answer.append("refused.txSelect=").append(refusal(channel::txSelect)).append('\n');
            answer.append("refused.basicConsume=").append(refusal(() -> channel.basicConsume(queue, null)))
                    .append('\n');
            answer.append("declarePassive.messageCount=").append(channel.queueDeclarePassive(queue).getMessageCount())
                    .append('\n');
            try {
                channel.queueDeclare(queue, true, false, false, Map.of("x-max-length", 5));
                answer.append("redeclare=accepted\n");
            } catch (ChannelClosedException closed) {
                answer.append("redeclare=").append(closed.replyCode()).append(' ').append(closed.replyText())
                        .append('\n');
            }
        }
        RabbitConnection closed = publisher.factory().getConnection();
        Channel viewOfClosed = closed.channel();
        closed.close();
        closed.close();
        answer.append("afterClose.publish=").append(refusal(() -> closed.publish("", queue, null, new byte[0])))
                .append('\n');
        answer.append("afterClose.view=").append(refusal(() -> viewOfClosed.queueDeclarePassive(queue))).append('\n');
        publisher.publish("", queue, false, "after-redeclare");
        return answer.append("afterwards=published\n").toString();
    }

    /** @return the counts of one test listener, named by its queue */
    @GET
    @Path("deliveries")
    public String deliveries(@QueryParam("listener") String listener) {
        return deliveries.summary(listener);
    }

    /** @return the counts of one message at one test listener */
    @GET
    @Path("delivery")
    public String delivery(@QueryParam("listener") String listener, @QueryParam("id") String messageId) {
        return deliveries.of(listener, messageId);
    }

    /**
     * @return the JVM's live threads, and among them amqp-client's connection reader threads (one per open physical
     *         connection, named "AMQP Connection host:port")
     */
    @GET
    @Path("threads")
    public String threads() {
        long readers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("AMQP Connection")).count();
        return "threads=" + ManagementFactory.getThreadMXBean().getThreadCount() + "\namqpConnectionThreads=" + readers
                + "\n";
    }

    /**
     * @return the committed rows of {@link org.rabbitjca.it.beans.TransactedListener} whose message id starts with the
     * prefix
     */
    @GET
    @Path("rows")
    public String rows(@QueryParam("prefix") String prefix) throws SQLException {
        return "rows=" + table.rows(prefix) + "\n";
    }

    private interface ChannelCall {
        void run() throws Exception;
    }

    private static String refusal(ChannelCall call) {
        try {
            call.run();
            return "allowed";
        } catch (Exception refused) {
            return refused.getClass().getSimpleName() + ": " + refused.getMessage();
        }
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
