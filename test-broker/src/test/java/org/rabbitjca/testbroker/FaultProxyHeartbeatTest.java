// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MissedHeartbeatException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} (run as root): one node (about 6 s). amqp-client through the proxy
 * detects a frozen network by heartbeats, and its reconnect attempts show in the proxy's record.
 */
class FaultProxyHeartbeatTest {

    private static final Logger LOG = Logger.getLogger(FaultProxyHeartbeatTest.class.getName());
    private static final int HEARTBEAT_SECONDS = 2;
    private static final long RECOVERY_INTERVAL_MILLIS = 1_000;
    private static final int REFUSED_ATTEMPTS = 3;

    @Test
    void frozenNetworkIsNoticedByHeartbeatsAndRefusedReconnectAttemptsAreRecorded() throws Exception {
        try (RabbitNode node = RabbitNode.start(); FaultProxy proxy = FaultProxy.start(node.amqpPort())) {
            ConnectionFactory factory = node.newConnectionFactory();
            factory.setPort(proxy.port());
            factory.setRequestedHeartbeat(HEARTBEAT_SECONDS);
            factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
            try (Connection connection = factory.newConnection("frozen-network")) {
                CompletableFuture<ShutdownSignalException> shutdown = new CompletableFuture<>();
                connection.addShutdownListener(shutdown::complete);
                CountDownLatch recovered = new CountDownLatch(1);
                ((Recoverable) connection).addRecoveryListener(countDownOnRecovery(recovered));

                proxy.refuseNewConnections(true);
                long frozenAt = System.nanoTime();
                proxy.freeze();
                ShutdownSignalException signal = shutdown.get(10 * HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                long noticedMillis = Duration.ofNanos(System.nanoTime() - frozenAt).toMillis();

                LOG.log(Level.INFO, "amqp-client noticed the frozen network after {0} ms (heartbeat {1} s)",
                        new Object[] {noticedMillis, HEARTBEAT_SECONDS});
                assertInstanceOf(MissedHeartbeatException.class, signal.getCause());
                // amqp-client gives up after more than 8 quarter-intervals without a frame: about 2.25 intervals.
                assertTrue(noticedMillis >= 2_000L * HEARTBEAT_SECONDS && noticedMillis < 4_000L * HEARTBEAT_SECONDS,
                        noticedMillis + " ms");

                Poll.assertEventually(REFUSED_ATTEMPTS + " refused reconnect attempts", Duration.ofSeconds(15),
                        () -> proxy.connectionAttempts().size() > REFUSED_ATTEMPTS);
                List<Instant> attempts = proxy.connectionAttempts();
                for (int i = 2; i <= REFUSED_ATTEMPTS; i++) {
                    long gapMillis = Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis();
                    assertTrue(gapMillis >= RECOVERY_INTERVAL_MILLIS * 9 / 10, "gap " + gapMillis + " ms in "
                            + attempts);
                }

                proxy.thaw();
                proxy.refuseNewConnections(false);
                assertTrue(recovered.await(15, TimeUnit.SECONDS), "recovered after thaw");
                assertTrue(node.connectionNames().contains("frozen-network"), node.connectionNames().toString());
            }
        }
    }

    private static RecoveryListener countDownOnRecovery(CountDownLatch recovered) {
        return new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                recovered.countDown();
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
                // only the end counts
            }
        };
    }
}
