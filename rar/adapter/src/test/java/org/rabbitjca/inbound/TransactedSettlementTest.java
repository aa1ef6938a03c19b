// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;
import org.rabbitjca.fakecontainer.FakeTransactionRegistry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactedSettlementTest {

    private final RecordingChannel channel = new RecordingChannel();
    private final FakeTransactionRegistry transaction = new FakeTransactionRegistry();
    private boolean sessionEnding;
    private final Settlement settlement = new Settlement(channel.channel(), null, () -> sessionEnding, "test",
            new Counters(ResourceKind.BEAN));

    @Test
    void aCommitAcknowledgesTheDelivery() {
        settlementOf(7).register();

        assertAll(() -> assertEquals(Status.STATUS_COMMITTED, transaction.complete()),
                () -> assertEquals(List.of("ack 7"), channel.settled()));
    }

    @Test
    void anEndpointThatThrewRollsTheTransactionBack() {
        TransactedSettlement delivery = settlementOf(8);
        delivery.register();
        delivery.endpointFailed(new IllegalStateException("boom"));
        channel.close(); // a failed try on a closed channel is left to the broker's redelivery: nothing routed

        assertAll(() -> assertEquals(Status.STATUS_ROLLEDBACK, transaction.complete()),
                () -> assertEquals(List.of(), channel.settled(), "nothing acknowledged"));
    }

    @Test
    void aLostChannelRollsTheDatabaseBackSoThatTheRedeliveryIsNoDuplicate() {
        settlementOf(9).register();
        channel.close();

        assertAll(() -> assertEquals(Status.STATUS_ROLLEDBACK, transaction.complete()),
                () -> assertEquals(List.of(), channel.settled()));
    }

    @Test
    void aRollbackWhileTheBeanStopsRequeuesWithoutCountingATry() {
        settlementOf(10).register();
        sessionEnding = true;
        transaction.setRollbackOnly(); // Payara rolls back what ends after it marked the container undeployed

        transaction.complete();

        assertEquals(List.of("requeue 10"), channel.settled());
    }

    @Test
    void withoutATransactionNothingIsRegisteredAndTheCallerSettles() {
        TransactedSettlement delivery = settlementOf(11);
        transaction.noTransaction();

        assertThrows(IllegalStateException.class, delivery::register);
        assertFalse(delivery.registered());
    }

    @Test
    void aRegisteredDeliveryIsSettledByItsTransactionOnly() {
        TransactedSettlement delivery = settlementOf(12);
        delivery.register();

        assertTrue(delivery.registered());
        assertEquals(List.of(), channel.settled(), "nothing settled before the transaction completes");
    }

    private TransactedSettlement settlementOf(long tag) {
        return new TransactedSettlement(transaction, settlement, new DeliveredMessage("q", new byte[0],
                new AMQP.BasicProperties(), new Envelope(tag, false, "", "q")));
    }
}
