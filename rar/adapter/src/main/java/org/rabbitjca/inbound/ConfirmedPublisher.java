// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Return;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.broker.Channels;
import org.rabbitjca.broker.ConnectionGroup.ChannelWithGate;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes retries and dead letters of one endpoint, each mandatory and confirmed before the original delivery is
 * acknowledged, on a channel of a publish connection (never the consumer's: a broker blocking publishers must not
 * stall acknowledgements). While the broker blocks that connection (a memory or disk alarm), a publish is not
 * written into a socket the broker no longer reads: it waits on the connection's gate, at most the confirm timeout,
 * and then fails with the broker's reason, so the original goes back to its queue with no copy left behind. One
 * publish at a time: failures are rare, and waiting for one confirm keeps it simple. Thread-safe (synchronized).
 */
final class ConfirmedPublisher implements AutoCloseable {

    /**
     * How long a retry or dead-letter publish waits for its confirm, and at most for a broker block to lift. Not a
     * setting: the original stays unacknowledged meanwhile and goes back to its queue when the time is up.
     */
    static final long CONFIRM_TIMEOUT_MILLIS = 5_000;
    /** How many physical connections an endpoint's retry and dead-letter publishes go over. */
    static final int CONNECTIONS = 1;

    private final Supplier<ChannelWithGate> channels;
    private final long confirmTimeoutMillis;
    private ChannelWithGate current; // guarded by this
    private volatile Return returned;

    /**
     * @param channels opens a channel of a publish connection with its connection's gate (the connection group's
     *                 {@code openChannelWithGate}); called again when the channel in use has closed
     * @param confirmTimeoutMillis how long a publish waits for its confirm, and at most for a block to lift
     */
    ConfirmedPublisher(Supplier<ChannelWithGate> channels, long confirmTimeoutMillis) {
        this.channels = channels;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /**
     * Publishes and waits for the broker's confirm.
     *
     * @throws IOException when the broker nacked or returned the message, or the channel failed
     * @throws TimeoutException when no confirm came in time
     * @throws BrokerBlockedException when the broker blocked publishing longer than the confirm timeout; the
     *                                message was not sent
     */
    synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        ChannelWithGate open = channel();
        Channel channel = open.channel();
        open.gate().awaitOpen(confirmTimeoutMillis, Channels.describe(channel));
        returned = null;
        channel.basicPublish(exchange, routingKey, true, properties, body);
        channel.waitForConfirmsOrDie(confirmTimeoutMillis);
        Return back = returned;
        if (back != null) {
            throw new IOException("exchange '" + exchange + "' routed it nowhere (" + back.getReplyCode() + " "
                    + back.getReplyText() + " for routing key '" + routingKey + "')");
        }
    }

    private ChannelWithGate channel() throws IOException {
        if (current == null || !current.channel().isOpen()) {
            close();
            ChannelWithGate opened = channels.get();
            current = opened;
            opened.channel().confirmSelect();
            opened.channel().addReturnListener(back -> returned = back);
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            Channels.closeForGood(current.channel());
            current = null;
        }
    }
}
