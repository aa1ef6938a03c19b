// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the rule every channel of the adapter follows: it has exactly one owner (a pooled managed connection, a
 * consumer session, a retry publisher), which replaces it when it dies, so amqp-client's automatic recovery must
 * never bring it back. amqp-client recovers every channel still registered with a recovering connection, used or
 * not, with its prefetch and confirm mode; a channel whose owner has moved on would stay open on the broker, idle,
 * one more per outage, until the connection reaches its channel limit.
 *
 * <p>Two measures, because either alone leaves a window: owners close their channels with {@link #closeForGood}
 * (which also makes amqp-client forget a channel that is already closed), and a channel recovered before its owner
 * got there is closed again as soon as its recovery completes.
 */
public final class Channels {

    private static final System.Logger LOG = System.getLogger(Channels.class.getName());

    private Channels() {
    }

    /** Makes amqp-client's recovery of this channel end in closing it: its owner replaces it instead. */
    static void neverRecover(Channel channel) {
        if (channel instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    LOG.log(Level.DEBUG, "Closing channel {0}, brought back by amqp-client's recovery: its owner "
                            + "replaces it", channel.getChannelNumber());
                    closeForGood(channel);
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                    // closed once recovered: closing it halfway would make amqp-client log a recovery failure
                }
            });
        }
    }

    /**
     * @param channel an open channel
     * @return how log lines and errors name it, e.g. {@code channel 7 on connection 'orders-app (publish)'}
     */
    public static String describe(Channel channel) {
        return "channel " + channel.getChannelNumber() + " on connection '"
                + channel.getConnection().getClientProvidedName() + "'";
    }

    /**
     * Closes a channel whether it is open or not (a channel of a connection that is down is closed but still
     * registered for recovery), so that neither the broker nor amqp-client's recovery keeps it. Never throws;
     * waits at most the channel's RPC timeout for the broker's reply.
     *
     * @param channel a channel the caller owns and is done with
     */
    public static void closeForGood(Channel channel) {
        try {
            channel.close(); // amqp-client unregisters the channel from recovery even when this throws
        } catch (IOException | TimeoutException | ShutdownSignalException alreadyClosed) {
            LOG.log(Level.DEBUG, "Channel {0} was closed already: {1}", channel.getChannelNumber(),
                    alreadyClosed.toString());
        }
    }
}
