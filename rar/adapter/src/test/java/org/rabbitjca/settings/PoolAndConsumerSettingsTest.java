// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolAndConsumerSettingsTest {

    @Test
    void poolDefaultsConfirmEveryPublishOnOneConnection() throws Exception {
        assertEquals(new PoolSettings(true, 5_000, 1), PoolSettings.resolve("pool", null, null, null));
    }

    @Test
    void invalidPoolPropertiesAreAllReported() {
        InvalidSettingsException invalid = assertThrows(InvalidSettingsException.class,
                () -> PoolSettings.resolve("pool 'orders'", false, 0, 65));

        assertAll(() -> assertTrue(invalid.getMessage().contains("confirmTimeoutMillis is 0 but must be at least 1"),
                        invalid.getMessage()),
                () -> assertTrue(invalid.getMessage().contains("physicalConnections is 65 but must be between 1 and 64"),
                        invalid.getMessage()));
    }

    @Test
    void aMissingOrEmptyQueueIsRefusedNamingTheProperty() {
        for (String queue : new String[] {null, " "}) {
            InvalidSettingsException invalid = assertThrows(InvalidSettingsException.class,
                    () -> ConsumerSettings.resolve("message-driven bean 'Orders'", queue, null));

            assertTrue(invalid.getMessage().contains("activation property 'queue' is "
                    + (queue == null ? "missing or empty" : "blank")), invalid.getMessage());
            assertTrue(invalid.getMessage().contains("@ActivationConfigProperty(propertyName = \"queue\""));
        }
    }

    @Test
    void consumerDefaultsNeverUseAPrefetchOfOne() throws Exception {
        ConsumerSettings settings = ConsumerSettings.resolve("mdb", " orders ", null);

        assertAll(() -> assertEquals("orders", settings.queue()),
                () -> assertEquals(false, settings.declareQueue()),
                () -> assertTrue(settings.prefetchCount() > 1),
                () -> assertTrue(settings.maxConcurrency() <= settings.prefetchCount()));
    }
}
