// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import com.rabbitmq.client.Address;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionSettingsTest {

    /** A level of properties, as the adapter, a pool or an activation spec holds them. */
    private static final class Level extends ConnectionProperties {
    }

    @Test
    void unsetPropertiesTakeTheDefaults() throws Exception {
        ConnectionSettings settings = ConnectionSettings.resolve("test", new Level());

        assertAll(() -> assertEquals(List.of(new Address("localhost", 5672)), settings.addresses()),
                () -> assertEquals("/", settings.virtualHost()),
                () -> assertEquals("guest", settings.username()),
                () -> assertEquals("guest", settings.password().reveal()),
                () -> assertEquals(60, settings.requestedHeartbeatSeconds()),
                () -> assertEquals(10_000, settings.connectionTimeoutMillis()),
                () -> assertEquals("rabbitmq-jca", settings.connectionName()));
    }

    @Test
    void theMoreSpecificLevelOverridesOnlyWhatItSets() throws Exception {
        Level adapter = new Level();
        adapter.setAddresses("rabbit1:5673, rabbit2");
        adapter.setUsername("app");
        adapter.setPassword("adapter-secret");
        Level pool = new Level();
        pool.setUsername("orders");
        pool.setRequestedHeartbeatSeconds(15);

        ConnectionSettings settings = ConnectionSettings.resolve("test", adapter, null, pool);

        assertAll(() -> assertEquals(List.of(new Address("rabbit1", 5673), new Address("rabbit2", 5672)),
                        settings.addresses()),
                () -> assertEquals("orders", settings.username()),
                () -> assertEquals("adapter-secret", settings.password().reveal()),
                () -> assertEquals(15, settings.requestedHeartbeatSeconds()),
                () -> assertEquals("rabbit1:5673,rabbit2:5672", settings.describeAddresses()));
    }

    @Test
    void everyInvalidPropertyIsReportedAtOnceWithWhatIsAllowed() {
        Level pool = new Level();
        pool.setAddresses("rabbit1:notaport,rabbit2:70000");
        pool.setRequestedHeartbeatSeconds(-1);
        pool.setConnectionTimeoutMillis(0);
        pool.setVirtualHost(" ");

        InvalidSettingsException invalid = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("connection pool 'orders'", pool));

        String message = invalid.getMessage();
        assertAll(() -> assertTrue(message.startsWith("Invalid rabbitmq-jca configuration of connection pool 'orders'"),
                        message),
                () -> assertTrue(message.contains("addresses entry 'rabbit1:notaport' is not host[:port]"), message),
                () -> assertTrue(message.contains("addresses entry 'rabbit2:70000'"), message),
                () -> assertTrue(message.contains("requestedHeartbeatSeconds is -1 but must be between 0 and 65535"),
                        message),
                () -> assertTrue(message.contains("connectionTimeoutMillis is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("virtualHost is empty"), message));
    }

    @Test
    void addressesThatNameNoBrokerAreRefused() {
        Level pool = new Level();
        pool.setAddresses(" , ");

        InvalidSettingsException invalid = assertThrows(InvalidSettingsException.class,
                () -> ConnectionSettings.resolve("test", pool));

        assertTrue(invalid.getMessage().contains("names no broker"), invalid.getMessage());
    }

    @Test
    void bracketedIpv6AddressesKeepTheirPort() throws Exception {
        Level pool = new Level();
        pool.setAddresses("[::1]:5699");

        assertEquals(List.of(new Address("[::1]", 5699)), ConnectionSettings.resolve("test", pool).addresses());
    }

    @Test
    void thePasswordNeverAppearsInToStrings() throws Exception {
        Level pool = new Level();
        pool.setPassword("s3cr3t-value");
        ConnectionSettings settings = ConnectionSettings.resolve("test", pool);

        assertFalse(settings.toString().contains("s3cr3t-value"), settings.toString());
        assertFalse(pool.describeConnectionProperties().contains("s3cr3t-value"));
        assertTrue(settings.toString().contains("****"));
    }
}
