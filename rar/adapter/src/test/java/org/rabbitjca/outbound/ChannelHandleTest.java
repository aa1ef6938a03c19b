// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.api.ChannelOperationRefusedException;
import org.rabbitjca.api.PublishNackedException;
import org.rabbitjca.api.PublishTimeoutException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.settings.PoolSettings;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's handle on a pooled channel: what a closed handle does, and how its publishes fail. */
class ChannelHandleTest {

    private static final String CLOSED = "This RabbitConnection is closed; take a new one from the "
            + "RabbitConnectionFactory (use try-with-resources to scope a connection to a block)";

    private final PooledChannelFake pooled = new PooledChannelFake();
    private final ConnectionEventRecorder recorder = new ConnectionEventRecorder();
    private final List<String> events = recorder.events();

    @Test
    void everyMethodOfAClosedHandleIsRefusedWithTheSameAdvice() throws Exception {
        RabbitConnection handle = handle(PooledChannelFake.pool(true, 5_000));
        handle.close();

        assertRefusedWith(CLOSED, handle);
    }

    @Test
    void aHandleTheContainerCleanedUpRefusesEverythingAndGivesNothingBackWhenClosed() throws Exception {
        RabbitManagedConnection managed = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        RabbitConnection handle = (RabbitConnection) managed.getConnection(null, null);
        managed.addConnectionEventListener(recorder);

        managed.cleanup();
        handle.close();

        assertRefusedWith(CLOSED, handle);
        assertEquals(List.of(), events, "the container, which cleaned up, is told nothing");
    }

    @Test
    void closingTwiceGivesTheChannelBackToThePoolOnce() throws Exception {
        RabbitConnection handle = handle(PooledChannelFake.pool(true, 5_000));

        handle.close();
        handle.close();

        assertAll(() -> assertEquals(List.of("closed"), events),
                () -> assertTrue(handle.toString().endsWith("[closed]"), handle.toString()));
    }

    @Test
    void aConfirmThatNeverComesTimesOutNamingTheTargetAndTheChannel() throws Exception {
        RabbitConnection handle = handle(PooledChannelFake.pool(true, 1));

        PublishTimeoutException late = assertThrows(PublishTimeoutException.class,
                () -> handle.publish("orders", "eu.new", null, new byte[0]));

        assertTrue(late.getMessage().startsWith("Publish to exchange 'orders' with routing key 'eu.new' not confirmed "
                + "within 1 ms (channel 7 on connection 'test (publish)', 0 confirms outstanding)"), late.getMessage());
    }

    @Test
    void aTimeoutWhileTheBrokerBlocksPublishersGivesTheBrokersReason() throws Exception {
        RabbitConnection handle = handle(PooledChannelFake.pool(true, 1));
        pooled.onPublish(() -> pooled.gate().handleBlocked("low on memory")); // blocked right after the send

        BrokerBlockedException blocked = assertThrows(BrokerBlockedException.class,
                () -> handle.publish("orders", "eu.new", null, new byte[0]));

        assertTrue(blocked.getMessage().contains("low on memory"), blocked.getMessage());
    }

    @Test
    void aNackReachesTheApplicationAsTheTrackersException() throws Exception {
        RabbitManagedConnection managed = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        RabbitConnection handle = (RabbitConnection) managed.getConnection(null, null);
        pooled.onPublish(() -> managed.confirms().handleNack(1, false));

        PublishNackedException nacked = assertThrows(PublishNackedException.class,
                () -> handle.publish("orders", "eu.new", null, new byte[0]));

        assertTrue(nacked.getMessage().contains("published to exchange 'orders' with routing key 'eu.new' (channel 7 "
                + "on connection 'test (publish)')"), nacked.getMessage());
    }

    @Test
    void anUnexpectedFailureOfTheConfirmNamesTheTargetAsEveryPublishErrorDoes() throws Exception {
        RabbitManagedConnection managed = pooled.managedConnection(PooledChannelFake.pool(true, 5_000));
        RabbitConnection handle = (RabbitConnection) managed.getConnection(null, null);
        pooled.onPublish(() -> managed.confirms().failAll(new IllegalStateException("lost")));

        RabbitException failed = assertThrows(RabbitException.class,
                () -> handle.publish("orders", "eu.new", null, new byte[0]));

        assertEquals("Publish to exchange 'orders' with routing key 'eu.new' (channel 7 on connection "
                + "'test (publish)') failed: java.lang.IllegalStateException: lost", failed.getMessage());
    }

    @Test
    void theMetaDataNamesThePoolsUserBeforeAnyChannelWasResolved() throws Exception {
        assertEquals("guest",
                pooled.managedConnection(PooledChannelFake.pool(true, 5_000)).getMetaData().getUserName());
    }

    private RabbitConnection handle(PoolSettings pool) throws Exception {
        RabbitManagedConnection managed = pooled.managedConnection(pool);
        managed.addConnectionEventListener(recorder);
        return (RabbitConnection) managed.getConnection(null, null);
    }

    private static void assertRefusedWith(String message, RabbitConnection handle) {
        Map<String, Executable> calls = Map.of(
                "publish", () -> handle.publish("orders", "eu.new", null, new byte[0]),
                "mandatory publish", () -> handle.publish("orders", "eu.new", true, null, new byte[0]),
                "publishAsync", () -> handle.publishAsync("orders", "eu.new", null, new byte[0]),
                "mandatory publishAsync", () -> handle.publishAsync("orders", "eu.new", true, null, new byte[0]),
                "channel", handle::channel);
        assertAll(calls.entrySet().stream().map(call -> () -> assertEquals(message,
                assertThrows(ChannelOperationRefusedException.class, call.getValue(), call.getKey()).getMessage(),
                call.getKey())));
    }
}
