// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.api.TransactionPublishException;
import org.rabbitjca.fakecontainer.FakeTransactionRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishes inside a transaction, as the container's registry shows it: held, sent before commit, one unit. */
class TransactionScopeTest {

    private final PooledChannelFake pooled = new PooledChannelFake();
    private final FakeTransactionRegistry transaction = new FakeTransactionRegistry();
    private final ConnectionEventRecorder recorder = new ConnectionEventRecorder();
    private final List<String> events = recorder.events();

    @Test
    void outsideATransactionNothingIsHeld() throws Exception {
        transaction.noTransaction();

        assertNull(scope().holding(carrier()));
    }

    @Test
    void everyHandleOfAPoolInOneTransactionAddsToTheSameMessagesWithOneSynchronization() throws Exception {
        TransactionScope scope = scope();
        RabbitManagedConnection first = carrier();

        HeldPublishes held = scope.holding(first);

        assertAll(() -> assertSame(held, scope.holding(first)),
                () -> assertSame(held, scope.holding(pooled.managedConnection(PooledChannelFake.pool(true, 5_000)))),
                () -> assertEquals(1, transaction.synchronizations()));
    }

    @Test
    void aClosedChannelIsRefusedAndNeverBecomesTheOneTheMessagesLeaveOn() throws Exception {
        TransactionScope scope = scope();
        RabbitManagedConnection closed = carrier();
        pooled.close();

        assertThrows(ChannelClosedException.class, () -> scope.holding(closed));

        assertEquals(0, transaction.synchronizations(), "nothing registered, nothing pinned");
    }

    @Test
    void theMessagesLeaveBeforeTheCommitAndTheChannelReturnsToThePoolAfterIt() throws Exception {
        RabbitManagedConnection carrier = carrier();
        RabbitConnection handle = (RabbitConnection) carrier.getConnection(null, null);
        CompletableFuture<Void> confirmed = scope().holding(carrier).hold("orders", "a", false, null, new byte[0]);
        handle.close();
        List<String> eventsBeforeCommit = List.copyOf(events);
        int publishedBeforeCommit = pooled.published().size();

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_COMMITTED, status),
                () -> assertEquals(0, publishedBeforeCommit),
                () -> assertEquals(List.of(), eventsBeforeCommit, "the carrier stays out of the pool until commit"),
                () -> assertEquals(1, pooled.published().size()),
                () -> assertEquals(List.of("closed"), events),
                () -> assertTrue(confirmed.isDone() && !confirmed.isCompletedExceptionally()));
    }

    @Test
    void aRefusedMessageRollsTheTransactionBackWithTheMessageNamed() throws Exception {
        RabbitManagedConnection carrier = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        carrier.addConnectionEventListener(recorder);
        pooled.onPublish(() -> carrier.confirms().handleNack(pooled.lastSequence(), false));
        CompletableFuture<Void> refused = scope().holding(carrier).hold("orders", "a", false, null, new byte[0]);

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_ROLLEDBACK, status),
                () -> assertInstanceOf(TransactionPublishException.class, transaction.beforeCompletionFailure()),
                () -> assertTrue(refused.isCompletedExceptionally()));
    }

    @Test
    void theMessagesLeaveAfterEverySynchronizationRegisteredAfterTheFirstPublish() throws Exception {
        RabbitManagedConnection carrier = carrier();
        scope().holding(carrier).hold("orders", "a", false, null, new byte[0]);
        List<Integer> publishedWhenFlushing = new ArrayList<>();
        transaction.registerInterposedSynchronization(
                flush(() -> publishedWhenFlushing.add(pooled.published().size())));

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_COMMITTED, status),
                () -> assertEquals(List.of(0), publishedWhenFlushing, "the flush ran before the publish"),
                () -> assertEquals(1, pooled.published().size()));
    }

    @Test
    void aFlushThatFailsAfterTheFirstPublishLeavesNothingPublished() throws Exception {
        RabbitManagedConnection carrier = carrier();
        RabbitConnection handle = (RabbitConnection) carrier.getConnection(null, null);
        CompletableFuture<Void> dropped = scope().holding(carrier).hold("orders", "a", false, null, new byte[0]);
        handle.close();
        transaction.registerInterposedSynchronization(flush(() -> {
            throw new IllegalStateException("duplicate key value violates unique constraint");
        }));

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_ROLLEDBACK, status),
                () -> assertEquals(0, pooled.published().size()),
                () -> assertTrue(dropped.isCompletedExceptionally()),
                () -> assertEquals(List.of("closed"), events, "the carrier went back to the pool"));
    }

    @Test
    void aContainerThatRefusesLateRegistrationsGetsTheMessagesSentAtOnce() throws Exception {
        transaction.duringCompletion(FakeTransactionRegistry.Registrations.REFUSE);
        CompletableFuture<Void> confirmed = scope().holding(carrier()).hold("orders", "a", false, null, new byte[0]);

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_COMMITTED, status),
                () -> assertEquals(1, pooled.published().size()),
                () -> assertTrue(confirmed.isDone() && !confirmed.isCompletedExceptionally()));
    }

    @Test
    void aContainerThatNeverRunsALateRegistrationStillGetsTheMessagesSentAfterTheCommit() throws Exception {
        transaction.duringCompletion(FakeTransactionRegistry.Registrations.IGNORE);
        CompletableFuture<Void> confirmed = scope().holding(carrier()).hold("orders", "a", false, null, new byte[0]);

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_COMMITTED, status),
                () -> assertEquals(1, pooled.published().size(), "late, but not lost"),
                () -> assertTrue(confirmed.isDone() && !confirmed.isCompletedExceptionally()));
    }

    @Test
    void aPublishTheTransactionManagerWillNotLetFollowTheTransactionIsRefusedAndNotHeld() throws Exception {
        transaction.refuseRegistrations();

        RabbitException refused = assertThrows(RabbitException.class, () -> scope().holding(carrier()));

        assertTrue(refused.getMessage().startsWith("The transaction manager refused to let this publish follow"),
                refused.getMessage());
    }

    @Test
    void aTransactionMarkedForRollbackSendsNothing() throws Exception {
        RabbitManagedConnection carrier = carrier();
        CompletableFuture<Void> dropped = scope().holding(carrier).hold("orders", "a", false, null, new byte[0]);
        transaction.setRollbackOnly();

        int status = transaction.complete();

        assertAll(() -> assertEquals(Status.STATUS_ROLLEDBACK, status),
                () -> assertEquals(0, pooled.published().size()),
                () -> assertTrue(dropped.isCompletedExceptionally()));
    }

    private static Synchronization flush(Runnable work) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                work.run();
            }

            @Override
            public void afterCompletion(int status) {
            }
        };
    }

    private TransactionScope scope() throws Exception {
        return new TransactionScope(transaction, PooledChannelFake.pool(true, 5_000));
    }

    private RabbitManagedConnection carrier() throws Exception {
        RabbitManagedConnection carrier = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        carrier.addConnectionEventListener(recorder);
        pooled.onPublish(() -> carrier.confirms().handleAck(pooled.lastSequence(), false));
        return carrier;
    }
}
