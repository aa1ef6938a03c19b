// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.AMQP;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.PublishTimeoutException;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.api.TransactionLimitExceededException;
import org.rabbitjca.api.TransactionPublishException;
import org.rabbitjca.settings.PoolProperties;
import org.rabbitjca.settings.PoolSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages of one transaction: held, bounded, identified, sent together, settled by the outcome. */
class HeldPublishesTest {

    private final PooledChannelFake pooled = new PooledChannelFake();

    @Test
    void theMessageThatWouldCrossTheCountLimitIsRefusedAndTheOthersStay() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 2, 1_000));
        held.hold("orders", "a", false, null, new byte[1]);
        held.hold("orders", "b", false, null, new byte[1]);

        TransactionLimitExceededException refused = assertThrows(TransactionLimitExceededException.class,
                () -> held.hold("orders", "c", false, null, new byte[1]));

        assertAll(() -> assertTrue(refused.getMessage().startsWith("This transaction already holds 2 messages to "
                        + "publish at its commit; its pool allows 2 messages per transaction "
                        + "(maxMessagesPerTransaction)."), refused.getMessage()),
                () -> assertEquals(List.of("tx-1", "tx-2"), held.messageIds()));
    }

    @Test
    void theMessageThatWouldCrossTheByteLimitIsRefusedNamingWhatIsHeld() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 100, 10));
        held.hold("orders", "a", false, null, new byte[6]);

        TransactionLimitExceededException refused = assertThrows(TransactionLimitExceededException.class,
                () -> held.hold("orders", "b", false, null, new byte[5]));
        held.hold("orders", "c", false, null, new byte[4]);

        assertAll(() -> assertTrue(refused.getMessage().contains("its pool allows 10 bytes of bodies (6 held, this "
                        + "message 5) per transaction (maxBytesPerTransaction)"), refused.getMessage()),
                () -> assertEquals(List.of("tx-1", "tx-2"), held.messageIds(), "a message that fits still does"));
    }

    @Test
    void messagesWithoutAnIdGetTheTransactionsAndTheApplicationsIdIsKept() throws Exception {
        HeldPublishes held = new HeldPublishes("6f1e", limits(5_000, 100, 1_000));
        held.hold("orders", "a", false, null, new byte[0]);
        held.hold("orders", "b", false, new AMQP.BasicProperties.Builder().messageId("order-42").build(), new byte[0]);
        held.hold("orders", "c", false, new AMQP.BasicProperties.Builder().deliveryMode(2).build(), new byte[0]);

        assertEquals(List.of("6f1e-1", "order-42", "6f1e-3"), held.messageIds());
    }

    @Test
    void nothingIsSentBeforeSendAndTheBodyIsACopy() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 100, 1_000));
        RabbitManagedConnection carrier = ackingCarrier(5_000);
        byte[] body = "first".getBytes(StandardCharsets.UTF_8);
        held.hold("orders", "a", false, new AMQP.BasicProperties.Builder().deliveryMode(2).build(), body);
        body[0] = 'F';

        assertEquals(List.of(), pooled.published(), "held, not sent");
        held.send(carrier);

        PooledChannelFake.Published sent = pooled.published().get(0);
        assertAll(() -> assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), sent.body()),
                () -> assertEquals(2, sent.properties().getDeliveryMode()),
                () -> assertEquals("tx-1", sent.properties().getMessageId()));
    }

    @Test
    void futuresCompleteOnlyOnceTheTransactionCommitted() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 100, 1_000));
        CompletableFuture<Void> first = held.hold("orders", "a", false, null, new byte[0]);
        CompletableFuture<Void> second = held.hold("orders", "b", false, null, new byte[0]);

        held.send(ackingCarrier(5_000));
        boolean doneBeforeCommit = first.isDone() || second.isDone();
        held.committed();

        assertAll(() -> assertFalse(doneBeforeCommit, "confirmed, but the transaction has not committed yet"),
                () -> assertEquals(2, pooled.published().size()),
                () -> assertTrue(first.isDone() && !first.isCompletedExceptionally()),
                () -> assertTrue(second.isDone() && !second.isCompletedExceptionally()));
    }

    @Test
    void aNackOfTheSecondMessageFailsTheSendNamingItAndItsPlace() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 100, 1_000));
        RabbitManagedConnection carrier = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        pooled.onPublish(() -> {
            long sequence = pooled.lastSequence();
            if (sequence == 2) {
                carrier.confirms().handleNack(sequence, false);
            } else {
                carrier.confirms().handleAck(sequence, false);
            }
        });
        for (String key : List.of("a", "b", "c")) {
            held.hold("orders", key, false, null, new byte[0]);
        }

        TransactionPublishException failed = assertThrows(TransactionPublishException.class,
                () -> held.send(carrier));

        assertAll(() -> assertTrue(failed.getMessage().startsWith("The transaction's message 'tx-2' to exchange "
                        + "'orders' with routing key 'b' (2 of 3) could not be published at commit: The broker "
                        + "refused (nack)"), failed.getMessage()),
                () -> assertTrue(failed.getMessage().contains("The broker may keep the 1 message(s) before it"),
                        failed.getMessage()),
                () -> assertEquals("tx-2", failed.messageId()),
                () -> assertEquals("orders", failed.exchange()),
                () -> assertEquals("b", failed.routingKey()),
                () -> assertInstanceOf(PublishNackedException.class, failed.getCause()));
    }

    @Test
    void confirmsThatDoNotComeWithinTheTimeoutFailTheSendAndAreNoLongerTracked() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(50, 100, 1_000));
        RabbitManagedConnection carrier = pooled.managedConnection(PooledChannelFake.pool(true, 50));
        held.hold("orders", "a", false, null, new byte[0]);
        held.hold("orders", "b", false, null, new byte[0]);

        TransactionPublishException failed = assertThrows(TransactionPublishException.class,
                () -> held.send(carrier));

        assertAll(() -> assertInstanceOf(PublishTimeoutException.class, failed.getCause()),
                () -> assertEquals("tx-1", failed.messageId()),
                () -> assertEquals(0, carrier.confirms().outstanding(), "abandoned, not left in the tracker"));
    }

    @Test
    void aPublishAfterTheMessagesLeftIsRefusedRatherThanNeverSent() throws Exception {
        HeldPublishes held = new HeldPublishes("tx", limits(5_000, 100, 1_000));
        held.hold("orders", "a", false, null, new byte[0]);
        held.send(ackingCarrier(5_000));

        RabbitException refused = assertThrows(RabbitException.class,
                () -> held.hold("orders", "late", false, null, new byte[0]));

        assertAll(() -> assertTrue(refused.getMessage().startsWith("This transaction is completing"),
                        refused.getMessage()),
                () -> assertEquals(List.of("tx-1"), held.messageIds()));
    }

    @Test
    void aRollbackFailsEveryFutureSayingWhetherTheMessageLeft() throws Exception {
        HeldPublishes notSent = new HeldPublishes("tx", limits(5_000, 100, 1_000));
        CompletableFuture<Void> dropped = notSent.hold("orders", "a", false, null, new byte[0]);
        HeldPublishes sent = new HeldPublishes("ty", limits(5_000, 100, 1_000));
        CompletableFuture<Void> ghost = sent.hold("orders", "b", false, null, new byte[0]);
        sent.send(ackingCarrier(5_000));

        notSent.rolledBack(null);
        sent.rolledBack(null);

        assertAll(() -> assertEquals("The message 'tx-1' to exchange 'orders' with routing key 'a' was not "
                        + "published: the transaction rolled back", failure(dropped).getMessage()),
                () -> assertEquals("The message 'ty-1' to exchange 'orders' with routing key 'b' was published, "
                        + "but the transaction then rolled back", failure(ghost).getMessage()));
    }

    private RabbitManagedConnection ackingCarrier(int timeoutMillis) throws Exception {
        RabbitManagedConnection carrier = pooled.managedConnection(PooledChannelFake.pool(true, timeoutMillis));
        pooled.onPublish(() -> carrier.confirms().handleAck(pooled.lastSequence(), false));
        return carrier;
    }

    private static RabbitException failure(CompletableFuture<Void> outcome) {
        ExecutionException failed = assertThrows(ExecutionException.class, outcome::get);
        return assertInstanceOf(RabbitException.class, failed.getCause());
    }

    private static PoolSettings limits(int confirmTimeoutMillis, int messages, int bytes) throws Exception {
        return PoolSettings.resolve("pool",
                new PoolProperties(true, confirmTimeoutMillis, null, messages, bytes, null));
    }
}
