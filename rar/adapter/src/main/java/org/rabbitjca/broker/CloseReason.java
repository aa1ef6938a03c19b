// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * Why a channel or a connection ended, read once from amqp-client's shutdown signal: who closed what (the broker
 * closed the channel, the broker closed the connection, or the connection was lost), with the broker's reply code
 * and text when there is one.
 *
 * @param scope what ended: the channel (a channel error such as 404 or 406), the connection, or the network
 * @param replyCode the broker's AMQP reply code, 0 when the connection was lost without one
 * @param replyText the broker's reply text, or the cause of the loss
 */
public record CloseReason(Scope scope, int replyCode, String replyText) {

    /** What ended. */
    public enum Scope {
        /** The broker closed the channel (a channel-level error); the connection lives on. */
        CHANNEL,
        /** The broker closed the connection (restart, forced close). */
        CONNECTION,
        /** The connection was lost without a word from the broker (crash, network). */
        NETWORK
    }

    /**
     * @param signal amqp-client's shutdown signal
     * @return the reason it carries
     */
    public static CloseReason of(ShutdownSignalException signal) {
        Object reason = signal.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return new CloseReason(Scope.CHANNEL, close.getReplyCode(), close.getReplyText());
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return new CloseReason(Scope.CONNECTION, close.getReplyCode(), close.getReplyText());
        }
        return new CloseReason(Scope.NETWORK, 0,
                signal.getCause() == null ? String.valueOf(signal.getMessage()) : signal.getCause().toString());
    }

    /**
     * @param failure an exception from amqp-client, possibly wrapping a shutdown signal
     * @return the reason of the first shutdown signal in its cause chain, or {@code null} when there is none
     */
    public static CloseReason find(Throwable failure) {
        ShutdownSignalException signal = Causes.find(failure, ShutdownSignalException.class);
        return signal == null ? null : of(signal);
    }

    /** @return e.g. {@code the broker closed the channel: 404 NOT_FOUND - no queue 'q' in vhost '/'} */
    public String describe() {
        return switch (scope) {
            case CHANNEL -> "the broker closed the channel: " + replyCode + " " + replyText;
            case CONNECTION -> "the broker closed the connection: " + replyCode + " " + replyText;
            case NETWORK -> "the connection was lost: " + replyText;
        };
    }
}
