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
}
