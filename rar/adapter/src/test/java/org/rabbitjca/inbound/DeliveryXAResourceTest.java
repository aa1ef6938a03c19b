// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryXAResourceTest {

    private final RecordingChannel channel = new RecordingChannel();
    private boolean sessionEnding;
    private final DeliveryXAResource resource = new DeliveryXAResource(
            new Settlement(channel.channel(), null, () -> sessionEnding, "test"));

    @Test
    void commitAcknowledgesTheDelivery() throws XAException {
        resource.begin(message(7));

        assertEquals(XAResource.XA_OK, resource.prepare(null));
        resource.commit(null, false);

        assertAll(() -> assertEquals(List.of("ack 7"), channel.settled()),
                () -> assertTrue(resource.settled()));
    }

    @Test
    void aRollbackWhileTheBeanStopsRequeuesWithoutCountingATry() {
        resource.begin(message(8));
        sessionEnding = true; // Payara rolls back transactions ending after it marked the container undeployed

        resource.rollback(null);

        assertAll(() -> assertEquals(List.of("requeue 8"), channel.settled()),
                () -> assertTrue(resource.settled()));
    }

    @Test
    void prepareVotesNoWhenTheEndpointThrewOrTheChannelIsGone() {
        resource.begin(message(9));
        resource.endpointFailed(new IllegalStateException("boom"));
        XAException threw = assertThrows(XAException.class, () -> resource.prepare(null));

        resource.begin(message(10));
        channel.close();
        XAException gone = assertThrows(XAException.class, () -> resource.prepare(null));

        assertAll(() -> assertEquals(XAException.XA_RBROLLBACK, threw.errorCode),
                () -> assertEquals(XAException.XAER_RMFAIL, gone.errorCode));
    }

    @Test
    void aOnePhaseCommitOfAFailedDeliveryRollsBackInstead() {
        resource.begin(message(11));
        resource.endpointFailed(new IllegalStateException("boom"));
        channel.close(); // a failed try on a closed channel is left to the broker's redelivery

        XAException rolledBack = assertThrows(XAException.class, () -> resource.commit(null, true));

        assertAll(() -> assertEquals(XAException.XA_RBROLLBACK, rolledBack.errorCode),
                () -> assertEquals(List.of(), channel.settled(), "nothing acknowledged"),
                () -> assertTrue(resource.settled()));
    }

    @Test
    void eachDeliveryIsItsOwnResourceManagerAndNothingIsRecovered() {
        DeliveryXAResource other = new DeliveryXAResource(new Settlement(channel.channel(), null, () -> false, "t"));

        assertAll(() -> assertTrue(resource.isSameRM(resource)),
                () -> assertFalse(resource.isSameRM(other)),
                () -> assertEquals(0, resource.recover(XAResource.TMSTARTRSCAN).length));
    }

    private static DeliveredMessage message(long tag) {
        return new DeliveredMessage("q", new byte[0], new AMQP.BasicProperties(), new Envelope(tag, false, "", "q"));
    }
}
