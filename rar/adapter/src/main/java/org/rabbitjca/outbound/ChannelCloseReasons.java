// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import org.rabbitjca.api.ChannelClosedException;

/** Turns the shutdown signal of a channel into a {@link ChannelClosedException} with the broker's reason. */
final class ChannelCloseReasons {

    private ChannelCloseReasons() {
    }

    static ChannelClosedException toException(String description, ShutdownSignalException signal) {
        Object reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return new ChannelClosedException("The broker closed " + description + ": " + close.getReplyCode() + " "
                    + close.getReplyText() + ". The channel is discarded from the pool; take a new connection.",
                    close.getReplyCode(), close.getReplyText(), signal);
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return new ChannelClosedException("The connection under " + description + " was closed by the broker: "
                    + close.getReplyCode() + " " + close.getReplyText() + ". The channel is discarded from the pool; "
                    + "the connection recovers by itself.", close.getReplyCode(), close.getReplyText(), signal);
        }
        String text = signal.getCause() == null ? String.valueOf(signal.getMessage()) : signal.getCause().toString();
        return new ChannelClosedException("The connection under " + description + " was lost (" + text + "). The "
                + "channel is discarded from the pool; the connection recovers by itself.", 0, text, signal);
    }
}
