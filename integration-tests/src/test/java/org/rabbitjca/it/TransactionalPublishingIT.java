// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.PublishReturnedException;
import org.rabbitjca.api.TransactionLimitExceededException;
import org.rabbitjca.api.TransactionPublishException;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.TransactionalServer;
import org.rabbitjca.it.support.TransactionalServerTests;
import org.rabbitjca.it.transactional.Ending;
import org.rabbitjca.it.transactional.OrderService;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishes inside container transactions on Payara Micro, next to a real PostgreSQL database, counted on the broker
 * and in the database: a commit leaves the row and every message, any rollback leaves neither, a refusal at commit
 * rolls the row back and names the message, and 16 callers leave exactly three messages per committed row.
 */
@Portable
class TransactionalPublishingIT extends TransactionalServerTests {


    @Test
    void aCommitLeavesTheRowAndEveryMessageIdentifiedByTheTransaction() throws Exception {
        String queue = emptyQueue("it.tx.commit");

        Map<String, String> answer = order("ref=commit-1&queue=" + queue);

        List<GetResponse> messages = BrokerClient.drain(node, queue);
        Set<String> stems = messages.stream().map(message -> message.getProps().getMessageId())
                .map(id -> id.substring(0, id.lastIndexOf('-'))).collect(Collectors.toSet());
        assertAll(() -> assertEquals("returned", answer.get("outcome"), answer::toString),
                () -> assertEquals(1, server.rows("commit-1")),
                () -> assertEquals(List.of("commit-1-1", "commit-1-2", "commit-1-3"), bodies(messages)),
                () -> assertEquals(1, stems.size(), "one transaction id in the message ids: " + stems),
                () -> assertTrue(messages.stream().allMatch(message -> message.getProps().getDeliveryMode() == 2)));
    }

    @ParameterizedTest
    @EnumSource(value = Ending.class, names = {"THROW", "ROLLBACK_ONLY"})
    void aRollbackLeavesNeitherTheRowNorAnyMessage(Ending ending) throws Exception {
        String queue = emptyQueue("it.tx.rollback." + ending);
        String ref = "rollback-" + ending;

        Map<String, String> answer = order("ref=" + ref + "&queue=" + queue + "&ending=" + ending);

        // A bean that marks its transaction for rollback returns normally: its caller gets no exception.
        assertEquals(ending == Ending.THROW ? "failed" : "returned", answer.get("outcome"), answer::toString);
        assertNeither(ref, queue);
    }

    @Test
    void aTransactionThatTimesOutLeavesNeither() throws Exception {
        String queue = emptyQueue("it.tx.timeout");

        Map<String, String> answer = server.server().post("api/tx/timeout?ref=timeout-1&queue=" + queue);

        assertAll(() -> assertEquals("rolledBack", answer.get("outcome"), answer::toString),
                () -> assertEquals(0, server.rows("timeout-1")),
                () -> assertEquals(0, node.queueMessageCount(queue)));
    }

    @Test
    void aNackAtCommitRollsTheRowBackAndTheCallerLearnsWhichMessage() throws Exception {
        String queue = "it.tx.nacked";
        BrokerClient.declareEmpty(node, queue, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        BrokerClient.publish(node, queue, "filler", 1, i -> null);

        Map<String, String> answer = order("ref=nacked-1&queue=" + queue);

        assertRefused(answer, PublishNackedException.class, "to exchange '' with routing key '" + queue + "' (1 of 3)");
        assertAll(() -> assertEquals(0, server.rows("nacked-1")),
                () -> assertEquals(1, node.queueMessageCount(queue), "only the filler"));
    }

    @Test
    void aReturnedMandatoryMessageAtCommitRollsTheRowBack() throws Exception {
        Map<String, String> answer = order("ref=returned-1&queue=it.tx.no-such-queue&mandatory=true&messages=1");

        assertRefused(answer, PublishReturnedException.class, "routing key 'it.tx.no-such-queue' (1 of 1)");
        assertEquals(0, server.rows("returned-1"));
    }

    @Test
    void severalHandlesInOneTransactionCommitTogetherAndRollBackTogether() throws Exception {
        String queue = emptyQueue("it.tx.handles");

        Map<String, String> committed = order("ref=handles-1&queue=" + queue + "&handles=3&messages=6");
        Map<String, String> rolledBack = order("ref=handles-2&queue=" + queue + "&handles=3&messages=6&ending=THROW");

        List<String> bodies = bodies(BrokerClient.drain(node, queue));
        assertAll(() -> assertEquals("returned", committed.get("outcome"), committed::toString),
                () -> assertEquals("failed", rolledBack.get("outcome"), rolledBack::toString),
                () -> assertEquals(6, bodies.size(), () -> "messages: " + bodies),
                () -> assertTrue(bodies.stream().allMatch(body -> body.startsWith("handles-1-")), bodies::toString),
                () -> assertEquals(1, server.rows("handles-1")), () -> assertEquals(0, server.rows("handles-2")));
    }

    @Test
    void asyncFuturesCompleteAtTheCommitAndFailWhenTheTransactionRollsBack() throws Exception {
        String queue = emptyQueue("it.tx.async");

        Map<String, String> committed = order("ref=async-1&queue=" + queue + "&async=true");
        Map<String, String> rolledBack = order("ref=async-2&queue=" + queue + "&async=true&ending=ROLLBACK_ONLY");

        assertAll(() -> assertEquals("0", committed.get("futuresDoneBeforeCommit"), committed::toString),
                () -> assertEquals("3", committed.get("futuresConfirmed"), committed::toString),
                () -> assertEquals("3", rolledBack.get("futuresFailed"), rolledBack::toString),
                () -> assertTrue(rolledBack.get("firstFutureFailure").endsWith("was not published: the transaction "
                        + "rolled back"), rolledBack::toString),
                () -> assertEquals(List.of("async-1-1", "async-1-2", "async-1-3"),
                        bodies(BrokerClient.drain(node, queue))));
    }

    @Test
    void aPoolThatDoesNotHoldPublishesInsideARolledBackTransaction() throws Exception {
        String queue = emptyQueue("it.tx.not-held");

        Map<String, String> answer = order("pool=" + TransactionalServer.NOT_HELD + "&ref=not-held-1&queue=" + queue
                + "&ending=THROW");

        assertAll(() -> assertEquals("failed", answer.get("outcome"), answer::toString),
                () -> assertEquals(0, server.rows("not-held-1")),
                () -> assertEquals(3, node.queueMessageCount(queue), "published at once, before the rollback"));
    }

    @Test
    void thePublishThatCrossesTheLimitFailsAndTheTransactionLeavesNeither() throws Exception {
        String queue = emptyQueue("it.tx.limited");

        Map<String, String> answer = order("pool=" + TransactionalServer.LIMITED + "&ref=limited-1&queue=" + queue
                + "&messages=4");

        assertAll(() -> assertEquals(TransactionLimitExceededException.class.getName(), answer.get("exception"),
                        answer::toString),
                () -> assertTrue(answer.get("chain").contains("its pool allows 3 messages per transaction "
                        + "(maxMessagesPerTransaction)"), answer::toString));
        assertNeither("limited-1", queue);
    }

    @Test
    void anXaDataSourceCommitsAndRollsBackWithTheMessages() throws Exception {
        String queue = emptyQueue("it.tx.xa");

        Map<String, String> committed = order("db=" + OrderService.XA + "&ref=xa-1&queue=" + queue);
        Map<String, String> rolledBack = order("db=" + OrderService.XA + "&ref=xa-2&queue=" + queue + "&ending=THROW");

        assertAll(() -> assertEquals("returned", committed.get("outcome"), committed::toString),
                () -> assertEquals("failed", rolledBack.get("outcome"), rolledBack::toString),
                () -> assertEquals(1, server.rows("xa-1")), () -> assertEquals(0, server.rows("xa-2")),
                () -> assertEquals(List.of("xa-1-1", "xa-1-2", "xa-1-3"), bodies(BrokerClient.drain(node, queue))));
    }

    @Test
    void sixteenCallersLeaveExactlyThreeMessagesPerCommittedRow() throws Exception {
        String queue = emptyQueue("it.tx.concurrent");

        Map<String, String> answer = server.server().post("api/tx/concurrently?pool=" + TransactionalServer.WIDE
                + "&prefix=many&queue=" + queue + "&callers=16&transactions=200&messages=3");

        assertAll(() -> assertEquals("3200", answer.get("committed"), answer::toString),
                () -> assertEquals("0", answer.get("failed"), answer::toString),
                () -> assertEquals(3200, server.rows("many-")),
                () -> assertEquals(3 * 3200, node.queueMessageCount(queue)));
    }

    private static Map<String, String> order(String query) throws Exception {
        return server.server().post("api/tx/order?" + query);
    }

    private static List<String> bodies(List<GetResponse> messages) {
        return messages.stream().map(message -> new String(message.getBody(), StandardCharsets.UTF_8)).toList();
    }

    private static void assertNeither(String ref, String queue) throws Exception {
        assertAll(() -> assertEquals(0, server.rows(ref), "rows"),
                () -> assertEquals(0, node.queueMessageCount(queue), "messages"));
    }

    /** Asserts that the caller's exception chain holds the adapter's refusal, naming the message and the cause. */
    static void assertRefused(Map<String, String> answer, Class<? extends RuntimeException> cause, String target) {
        String chain = answer.getOrDefault("chain", "");
        assertAll(() -> assertEquals("failed", answer.get("outcome"), answer::toString),
                () -> assertTrue(chain.contains(TransactionPublishException.class.getName() + ": The transaction's "
                        + "message '"), chain),
                () -> assertTrue(chain.contains(target), chain),
                () -> assertTrue(chain.contains(cause.getName() + ": "), chain));
    }
}
