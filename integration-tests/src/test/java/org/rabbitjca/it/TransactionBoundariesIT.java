// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.Test;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.api.PublishTimeoutException;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.TransactionalServer;
import org.rabbitjca.it.support.TransactionalServerTests;
import org.rabbitjca.it.transactional.OrderService;
import org.rabbitjca.it.transactional.RelayListener;
import org.rabbitjca.testbroker.Poll;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a transaction's publishes meet its other work on Payara Micro: after the JPA flush whichever came first, in
 * the same transaction as a message-driven bean's delivery, and at a commit that finds the broker gone or frozen,
 * each fault repeated and what the pool leaves behind counted.
 */
class TransactionBoundariesIT extends TransactionalServerTests {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String PROXIED_CONNECTION = "it-proxied (publish)";
    private static final int ROUNDS = 3;


    @Test
    void aFlushThatFailsAtCommitLeavesNothingPublishedWhetherThePublishCameFirstOrNot() throws Exception {
        String queue = emptyQueue("it.tx.jpa");
        server.insertRow(OrderService.TABLE, "jpa-taken-1");
        server.insertRow(OrderService.TABLE, "jpa-taken-2");

        Map<String, String> persistFirst = jpa("ref=jpa-taken-1&queue=" + queue);
        Map<String, String> publishFirst = jpa("ref=jpa-taken-2&queue=" + queue + "&publishFirst=true");
        Map<String, String> unique = jpa("ref=jpa-new-1&queue=" + queue + "&publishFirst=true");

        assertAll(() -> assertTrue(persistFirst.get("chain").contains("duplicate key"), persistFirst::toString),
                () -> assertTrue(publishFirst.get("chain").contains("duplicate key"), publishFirst::toString),
                () -> assertEquals("returned", unique.get("outcome"), unique::toString),
                () -> assertEquals(1, server.rows("jpa-new-1")),
                () -> assertEquals(1, node.queueMessageCount(queue), "only the unique order's message"));
    }

    @Test
    void aDatabaseCommitThatFailsAfterTheConfirmsLeavesTheMessagesAndSaysSoAtWarning() throws Exception {
        String queue = emptyQueue("it.tx.deferred");
        server.insertRow(OrderService.DEFERRED_TABLE, "deferred-1");

        Map<String, String> answer = server.server().post("api/tx/order?table=" + OrderService.DEFERRED_TABLE
                + "&ref=deferred-1&queue=" + queue);

        Poll.assertEventually("the window logged", WITHIN, () -> answered(() -> server.server().log()
                .contains("A transaction rolled back after its messages [")));
        assertAll(() -> assertEquals("failed", answer.get("outcome"), answer::toString),
                () -> assertTrue(answer.get("chain").contains("duplicate key"), answer::toString),
                () -> assertEquals(1, server.rows(OrderService.DEFERRED_TABLE, "deferred-1"), "only the first row"),
                () -> assertEquals(3, node.queueMessageCount(queue), "the window: confirmed before the commit"));
    }

    @Test
    void aBeanThatConsumesAndPublishesCommitsBothOrRetriesWithNothingPublished() throws Exception {
        emptyQueue(RelayListener.RELAYED);
        BrokerClient.publish(node, RelayListener.QUEUE, "relay-ok", 1, i -> null);
        BrokerClient.publish(node, RelayListener.QUEUE, "fail-relay", 1, i -> null);

        Poll.assertEventually("the failing delivery dead-lettered after 2 tries", WITHIN,
                () -> node.queueMessageCount(RelayListener.QUEUE + ".dlq") == 1);
        Poll.assertEventually("the good delivery relayed", WITHIN,
                () -> node.queueMessageCount(RelayListener.RELAYED) >= 1);

        Map<String, String> failing = server.server().get("api/probe/delivery?listener=" + RelayListener.QUEUE
                + "&id=fail-relay-0");
        assertAll(() -> assertEquals("2", failing.get("attempts"), failing::toString),
                () -> assertEquals(1, node.queueMessageCount(RelayListener.RELAYED), "the good one, relayed once"),
                () -> assertEquals(0, node.queueMessageCount(RelayListener.QUEUE), "both acknowledged"),
                () -> assertEquals(1, server.rows("relay-ok 0-try-")),
                () -> assertEquals(0, server.rows("fail-relay 0-try-")));
    }

    @Test
    void aBrokerCutBeforeTheCommitRollsBackWithoutWaitingAndThePoolRecoversEachTime() throws Exception {
        repeatAtCommit("it.tx.cut", ChannelClosedException.class, () -> {
            server.proxy().refuseNewConnections(true);
            server.proxy().cutConnections();
        }, () -> server.proxy().refuseNewConnections(false));
    }

    @Test
    void aBrokerFrozenAtTheCommitTimesOutAndRollsBackEachTime() throws Exception {
        repeatAtCommit("it.tx.frozen", PublishTimeoutException.class, server.proxy()::freeze, () -> {
            server.proxy().cutConnections(); // what the frozen socket holds never reaches the broker
            server.proxy().thaw();
        });
    }

    /**
     * {@value #ROUNDS} times: an order through the proxied pool breaks at its commit, fails with the cause and leaves
     * no row; the proxy is restored, and nothing but the round's marker is on the queue.
     */
    private static void repeatAtCommit(String queue, Class<? extends RuntimeException> cause, Runnable fault,
                                       Runnable restore) throws Exception {
        emptyQueue(queue);
        Integer readers = null;
        for (int round = 1; round <= ROUNDS; round++) {
            String ref = queue + "-" + round;
            Map<String, String> answer = orderBrokenAtCommit(ref, queue, fault);
            restore.run();

            assertAll("round " + round, () -> TransactionalPublishingIT.assertRefused(answer, cause,
                            "routing key '" + queue + "' (1 of 3)"),
                    () -> assertEquals(0, server.rows(ref)));
            readers = assertRecoveredWithNothingLeft(queue, round, readers);
        }
    }

    /** Places an order through the proxied pool that pauses before its commit, breaks the broker, lets it commit. */
    private static Map<String, String> orderBrokenAtCommit(String ref, String queue, Runnable fault)
            throws Exception {
        CompletableFuture<Map<String, String>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return server.server().post("api/tx/order?pool=" + TransactionalServer.PROXIED + "&ref=" + ref
                        + "&queue=" + queue + "&pause=true");
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
        Poll.assertEventually("the order waits before its commit", WITHIN,
                () -> answer.isDone() || answered(() -> "true".equals(server.server().get("api/tx/paused")
                        .get("paused"))));
        fault.run();
        server.server().post("api/tx/resume");
        return answer.get();
    }

    /**
     * Waits until a marker published outside a transaction through the proxied pool arrives, then asserts that the
     * queue holds the round's markers only, that the pool's connection has at most its 4 channels and that the
     * server's AMQP reader threads are as many as after the first round.
     *
     * @return the server's AMQP reader threads
     */
    private static int assertRecoveredWithNothingLeft(String queue, int round, Integer readersBefore)
            throws Exception {
        Poll.assertEventually("a publish through the pool works again", WITHIN, () -> answered(() -> "published"
                .equals(server.server().publish(TransactionalServer.PROXIED, queue).get("outcome"))));
        int channels = node.channelsPerConnection().getOrDefault(PROXIED_CONNECTION, 0);
        int readers = Integer.parseInt(server.server().get("api/probe/threads").get("amqpConnectionThreads"));
        assertAll("after round " + round,
                () -> assertEquals(round, node.queueMessageCount(queue), "one marker per round, nothing else"),
                () -> assertTrue(channels >= 1 && channels <= 4, "channels on the pool's connection: " + channels),
                () -> assertEquals(readersBefore == null ? readers : readersBefore, readers, "AMQP reader threads"));
        return readers;
    }

    /** @return the check's answer; {@code false}, to be asked again, while the check itself fails */
    private static boolean answered(Callable<Boolean> check) {
        try {
            return check.call();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static Map<String, String> jpa(String query) throws Exception {
        return server.server().post("api/tx/jpa?" + query);
    }
}
