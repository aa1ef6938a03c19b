// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolSettingsTest {

    @Test
    void poolDefaultsConfirmEveryPublishOnOneConnection() throws Exception {
        assertEquals(new PoolSettings(true, 5_000, 1, 10_000, 16 * 1024 * 1024, true),
                PoolSettings.resolve("pool", PoolProperties.unset()));
    }

    @Test
    void invalidPoolPropertiesAreAllReported() {
        InvalidSettingsException invalid = assertThrows(InvalidSettingsException.class,
                () -> PoolSettings.resolve("pool 'orders'", new PoolProperties(false, 0, 65, 0, -1, null)));

        String message = invalid.getMessage();
        assertAll(() -> assertTrue(message.contains("confirmTimeoutMillis is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("physicalConnections is 65 but must be between 1 and 64"), message),
                () -> assertTrue(message.contains("maxMessagesPerTransaction is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("maxBytesPerTransaction is -1 but must be at least 1"), message));
    }
}
