// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerBlockedException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfirmedPublisherTest {

    private final Deque<FakePublishChannel> channels = new ArrayDeque<>(List.of(new FakePublishChannel(),
            new FakePublishChannel()));
    private final FakePublishChannel first = channels.peekFirst();
    private final ConfirmedPublisher publisher = new ConfirmedPublisher(() -> channels.removeFirst().withGate(), 1);

    @Test
    void whileTheBrokerBlocksTheConnectionTheCopyIsNotSentAndThePublishFailsWithTheBrokersReason() throws Exception {
        publisher.publish("", "orders.retry.1000ms", new AMQP.BasicProperties(), new byte[0]); // opens the channel
        first.gate().handleBlocked("low on memory");

        BrokerBlockedException blocked = assertThrows(BrokerBlockedException.class,
                () -> publisher.publish("", "orders.retry.1000ms", new AMQP.BasicProperties(), new byte[0]));

        assertAll(() -> assertTrue(blocked.getMessage().contains("channel 3 on connection 'test (publish)'"),
                        blocked.getMessage()),
                () -> assertTrue(blocked.getMessage().contains("low on memory"), blocked.getMessage()),
                () -> assertEquals(1, first.published().size(), "only the publish before the block was sent"));
    }

    @Test
    void aCopyTheBrokerRoutesNowhereFailsThePublish() {
        first.answer(FakePublishChannel.Outcome.RETURN);

        IOException returned = assertThrows(IOException.class,
                () -> publisher.publish("", "orders.retry.1000ms", new AMQP.BasicProperties(), new byte[0]));

        assertEquals("exchange '' routed it nowhere (312 NO_ROUTE for routing key 'orders.retry.1000ms')",
                returned.getMessage());
    }

    @Test
    void everyCopyIsMandatoryOnOneChannelPutInConfirmModeOnce() throws Exception {
        publisher.publish("", "a", new AMQP.BasicProperties(), new byte[0]);
        publisher.publish("", "b", new AMQP.BasicProperties(), new byte[0]);

        assertAll(() -> assertEquals(1, first.confirmSelects()),
                () -> assertEquals(List.of(true, true), first.published().stream()
                        .map(FakePublishChannel.Published::mandatory).toList()));
    }

    @Test
    void aClosedChannelIsReplacedByANewOneOfTheGroup() throws Exception {
        publisher.publish("", "a", new AMQP.BasicProperties(), new byte[0]);
        first.close(); // the publish connection was lost
        FakePublishChannel second = channels.peekFirst();

        publisher.publish("", "b", new AMQP.BasicProperties(), new byte[0]);

        assertAll(() -> assertEquals(1, second.published().size()), () -> assertEquals(1, second.confirmSelects()));
    }
}
