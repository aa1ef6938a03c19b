// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.AMQImpl;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each kind of shutdown signal amqp-client reports becomes its own reason, in words. */
class CloseReasonTest {

    @Test
    void aChannelErrorIsTheBrokerClosingTheChannelWithItsReply() {
        CloseReason reason = CloseReason.of(new ShutdownSignalException(false, false,
                new AMQImpl.Channel.Close(AMQP.NOT_FOUND, "NOT_FOUND - no queue 'q' in vhost '/'", 50, 10), null));

        assertAll(() -> assertEquals(new CloseReason(CloseReason.Scope.CHANNEL, 404,
                        "NOT_FOUND - no queue 'q' in vhost '/'"), reason),
                () -> assertEquals("the broker closed the channel: 404 NOT_FOUND - no queue 'q' in vhost '/'",
                        reason.describe()));
    }

    @Test
    void aForcedCloseIsTheBrokerClosingTheConnectionWithItsReply() {
        CloseReason reason = CloseReason.of(new ShutdownSignalException(true, false, new AMQImpl.Connection.Close(
                AMQP.CONNECTION_FORCED, "CONNECTION_FORCED - broker forced connection closure", 0, 0), null));

        assertAll(() -> assertEquals(CloseReason.Scope.CONNECTION, reason.scope()),
                () -> assertEquals("the broker closed the connection: 320 CONNECTION_FORCED - broker forced "
                        + "connection closure", reason.describe()));
    }

    @Test
    void aBrokenSocketIsALostConnectionDescribedByItsCause() {
        ShutdownSignalException signal = new ShutdownSignalException(true, false, null, null);
        signal.initCause(new SocketException("Connection reset"));

        CloseReason reason = CloseReason.of(signal);

        assertAll(() -> assertEquals(new CloseReason(CloseReason.Scope.NETWORK, 0,
                        "java.net.SocketException: Connection reset"), reason),
                () -> assertEquals("the connection was lost: java.net.SocketException: Connection reset",
                        reason.describe()));
    }

    @Test
    void aLossWithoutACauseIsDescribedByTheSignalsOwnWords() {
        CloseReason reason = CloseReason.of(new ShutdownSignalException(true, false, null, null));

        assertEquals("the connection was lost: connection error", reason.describe());
    }

    @Test
    void aCloseTheApplicationInitiatedIsReadFromTheReplyItSent() {
        // amqp-client reports the adapter's own close with the reply it sent: callers that must tell it from the
        // broker's ask the signal (isInitiatedByApplication), as the connection group and pooled channels do.
        ShutdownSignalException channelClosed = new ShutdownSignalException(false, true,
                new AMQImpl.Channel.Close(AMQP.REPLY_SUCCESS, "OK", 0, 0), null);
        ShutdownSignalException connectionClosed = new ShutdownSignalException(true, true,
                new AMQImpl.Connection.Close(AMQP.REPLY_SUCCESS, "OK", 0, 0), null);

        assertAll(() -> assertEquals(new CloseReason(CloseReason.Scope.CHANNEL, 200, "OK"),
                        CloseReason.of(channelClosed)),
                () -> assertEquals(new CloseReason(CloseReason.Scope.CONNECTION, 200, "OK"),
                        CloseReason.of(connectionClosed)));
    }

    @Test
    void theFirstShutdownSignalInACauseChainGivesTheReason() {
        ShutdownSignalException refused = new ShutdownSignalException(false, false,
                new AMQImpl.Channel.Close(AMQP.ACCESS_REFUSED, "ACCESS_REFUSED - no configure permission", 40, 10),
                null);
        IOException wrapped = new IOException(new ExecutionException(refused));

        assertAll(() -> assertEquals(new CloseReason(CloseReason.Scope.CHANNEL, 403,
                        "ACCESS_REFUSED - no configure permission"), CloseReason.find(wrapped)),
                () -> assertNull(CloseReason.find(new IOException("no signal"))));
    }
}
