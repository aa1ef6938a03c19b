// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Return;
import org.rabbitjca.broker.Channels;
import org.rabbitjca.broker.ConnectionGroup;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes retries and dead letters of one endpoint, each mandatory and confirmed before the original delivery is
 * acknowledged, on a channel of a publish connection (never the consumer's: a broker blocking publishers must not
 * stall acknowledgements). One publish at a time: failures are rare, and waiting for one confirm keeps it simple.
 * Thread-safe (synchronized).
 */
final class ConfirmedPublisher implements AutoCloseable {

    private final ConnectionGroup group;
    private final long confirmTimeoutMillis;
    private Channel channel; // guarded by this
    private volatile Return returned;

    ConfirmedPublisher(ConnectionGroup group, long confirmTimeoutMillis) {
        this.group = group;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    /**
     * Publishes and waits for the broker's confirm.
     *
     * @throws IOException when the broker nacked or returned the message, or the channel failed
     * @throws TimeoutException when no confirm came in time
     */
    synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        Channel open = channel();
        returned = null;
        open.basicPublish(exchange, routingKey, true, properties, body);
        open.waitForConfirmsOrDie(confirmTimeoutMillis);
        Return back = returned;
        if (back != null) {
            throw new IOException("exchange '" + exchange + "' routed it nowhere (" + back.getReplyCode() + " "
                    + back.getReplyText() + " for routing key '" + routingKey + "')");
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            close();
            channel = group.openChannel();
            channel.confirmSelect();
            channel.addReturnListener(back -> returned = back);
        }
        return channel;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            Channels.closeForGood(channel);
            channel = null;
        }
    }
}
