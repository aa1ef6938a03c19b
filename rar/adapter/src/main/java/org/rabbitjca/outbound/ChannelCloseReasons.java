// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.ShutdownSignalException;
import org.rabbitjca.api.ChannelClosedException;
import org.rabbitjca.broker.CloseReason;

/** Turns the shutdown signal of a pooled channel into a {@link ChannelClosedException} with the broker's reason. */
final class ChannelCloseReasons {

    private ChannelCloseReasons() {
    }

    static ChannelClosedException toException(String description, ShutdownSignalException signal) {
        CloseReason reason = CloseReason.of(signal);
        String consequence = reason.scope() == CloseReason.Scope.CHANNEL
                ? "The channel is discarded from the pool; take a new connection."
                : "The channel is discarded from the pool; the connection recovers by itself.";
        return new ChannelClosedException("On " + description + ", " + reason.describe() + ". " + consequence,
                reason.replyCode(), reason.replyText(), signal);
    }
}
