// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pool's and a bean's configuration is validated in one pass: one message lists every invalid property. */
class OneValidationPassTest {

    private static final class Level extends ConnectionProperties {
    }

    private static final class Endpoint extends EndpointProperties {
    }

    @Test
    void aPoolReportsItsConnectionAndItsPoolPropertiesTogether() {
        Level pool = new Level();
        pool.setRequestedHeartbeatSeconds(-1);

        String message = assertThrows(InvalidSettingsException.class, () -> PoolConfiguration.resolve("pool 'orders'",
                null, pool, new PoolProperties(true, 0, 65, null, null, null))).getMessage();

        assertAll(() -> assertTrue(message.contains("requestedHeartbeatSeconds is -1"), message),
                () -> assertTrue(message.contains("confirmTimeoutMillis is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("physicalConnections is 65 but must be between 1 and 64"), message));
    }

    @Test
    void aBeanReportsItsConsumerAndItsConnectionPropertiesTogetherWithoutDerivedNonsense() {
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue("orders");
        endpoint.setPrefetchCount(-1);
        endpoint.setMaxConcurrency(20);
        endpoint.setRequestedHeartbeatSeconds(-5);

        String message = assertThrows(InvalidSettingsException.class,
                () -> EndpointConfiguration.resolve("message-driven bean 'Orders'", null, endpoint)).getMessage();

        assertEquals("Invalid rabbitmq-jca configuration of message-driven bean 'Orders': prefetchCount is -1 but "
                + "must be between 1 and 65535 (unacknowledged messages the broker sends ahead); "
                + "requestedHeartbeatSeconds is -5 but must be between 0 and 65535 (seconds; 0 turns heartbeats off)",
                message);
    }

    @Test
    void aDelayBoundIsComparedOnlyWithAValidOther() {
        Level level = new Level();
        level.setReconnectInitialDelayMillis(-5);
        level.setReconnectMaxDelayMillis(0);
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue("orders");
        endpoint.setRetryInitialDelayMillis(-3);
        endpoint.setRetryMaxDelayMillis(-1);

        String connection = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", level)).getMessage();
        String consumer = assertThrows(InvalidSettingsException.class,
                () -> ConsumerSettings.resolve("test", null, endpoint)).getMessage();

        assertAll(() -> assertTrue(connection.contains("reconnectMaxDelayMillis is 0 but must be at least 1 "
                        + "(milliseconds)"), connection),
                () -> assertFalse(connection.contains("at least -5"), connection),
                () -> assertTrue(consumer.contains("retryMaxDelayMillis is -1 but must be at least 0"), consumer),
                () -> assertFalse(consumer.contains("at least -3"), consumer));
    }

    @Test
    void anEmptyAddressEntryIsRefusedOnceAndABadOneIsNotRepeated() {
        Level trailing = new Level();
        trailing.setAddresses("rabbit1:5672,,");
        Level bad = new Level();
        bad.setAddresses("rabbit1:notaport");

        String empty = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", trailing)).getMessage();
        String wrong = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", bad)).getMessage();

        assertAll(() -> assertEquals("Invalid rabbitmq-jca configuration of test: addresses 'rabbit1:5672,,' has an "
                        + "empty entry (a comma too many); remove it, e.g. 'rabbit1:5672,rabbit2:5672'", empty),
                () -> assertEquals("Invalid rabbitmq-jca configuration of test: addresses entry 'rabbit1:notaport' "
                        + "is not host[:port] with a port from 1 to 65535, e.g. 'rabbit1:5672'", wrong));
    }

    @Test
    void aConfigurationIsNamedByItsConnectionNameAndAddressesWithoutSecrets() {
        Level adapter = new Level();
        adapter.setAddresses("rabbit1:5672");
        adapter.setPassword("s3cr3t");
        Level pool = new Level();
        pool.setConnectionName("orders-app");

        assertEquals("'orders-app' at rabbit1:5672", ConnectionProperties.describeTarget(adapter, pool));
        assertEquals("'rabbitmq-jca' at localhost:5672", ConnectionProperties.describeTarget(null, new Level()));
    }
}
