// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rabbitjca.inbound.TestDeliveries.message;

class DeliveryDispatcherTest {

    private final ManualWorkManager workManager = new ManualWorkManager();
    private final List<String> handled = new ArrayList<>();
    private final List<String> requeued = new ArrayList<>();

    @Test
    void startsNoMoreWorkersThanTheLimitAndKeepsArrivalOrder() {
        DeliveryDispatcher dispatcher = dispatcher(new ConcurrencyLimit(2));
        for (int i = 0; i < 5; i++) {
            dispatcher.dispatch(message(i));
        }
        assertEquals(2, workManager.scheduled(), "two workers for a limit of two");
        workManager.runNext();
        workManager.runNext();
        assertEquals(List.of("0", "2", "3", "4", "1"), handled,
                "the first worker took every waiting delivery in order before the second ran");
        assertEquals(0, workManager.scheduled());
    }

    @Test
    void aNewSessionWaitsForThePermitsAnEndedSessionsDeliveriesStillHold() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        DeliveryDispatcher ended = dispatcher(limit);
        ended.dispatch(message(0));
        assertEquals(1, workManager.scheduled(), "the old session's delivery runs");
        ended.stop(); // its channel was lost; its delivery is still running

        DeliveryDispatcher next = dispatcher(limit);
        next.dispatch(message(1));
        assertEquals(1, workManager.scheduled(), "the new session's delivery waits: the bound is 1");

        workManager.runNext(); // the old delivery ends and gives its permit to the waiting session
        assertEquals(1, workManager.scheduled(), "the new session got the permit");
        workManager.runNext();
        assertEquals(List.of("0", "1"), handled);
        assertEquals(0, limit.used(), "every permit is back");
    }

    @Test
    void aStoppedDispatcherTakesNothingAndPassesPermitsOn() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        DeliveryDispatcher first = dispatcher(limit);
        first.dispatch(message(0));
        DeliveryDispatcher second = dispatcher(limit);
        second.dispatch(message(1)); // waits in line for the permit
        second.stop();
        second.dispatch(message(2)); // after stop: ignored, the broker redelivers it

        workManager.runNext();
        assertEquals(0, workManager.scheduled(), "the stopped dispatcher started nothing");
        assertEquals(List.of("0"), handled);
        assertEquals(0, limit.used(), "the permit it was offered went back");
    }

    @Test
    void aDeliveryTheWorkManagerRefusesIsRequeuedAndItsPermitFreed() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1);
        DeliveryDispatcher dispatcher = dispatcher(limit);
        workManager.refuseAll();
        dispatcher.dispatch(message(0));
        assertEquals(List.of("0"), requeued);
        assertEquals(0, limit.used());
    }

    @Test
    void awaitIdleReportsDeliveriesStillRunning() throws InterruptedException {
        DeliveryDispatcher dispatcher = dispatcher(new ConcurrencyLimit(3));
        dispatcher.dispatch(message(0));
        dispatcher.dispatch(message(1));
        assertEquals(2, dispatcher.awaitIdle(1), "two scheduled, none ended");
        workManager.runNext();
        workManager.runNext();
        assertEquals(0, dispatcher.awaitIdle(1));
    }

    private DeliveryDispatcher dispatcher(ConcurrencyLimit limit) {
        return new DeliveryDispatcher(workManager, limit, this::handler,
                message -> requeued.add(message.properties().getMessageId()), "test");
    }

    private DeliveryDispatcher.Handler handler() {
        return TestDeliveries.recorder(handled);
    }
}
