// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.InvalidSettingsException;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmsActivationSpecTest {

    @Test
    void theDestinationIsTheQueueTheBeanConsumes() throws Exception {
        JmsActivationSpec spec = new JmsActivationSpec();
        spec.setDestinationType("jakarta.jms.Queue");
        spec.setDestination("orders");
        spec.setAcknowledgeMode("Dups-ok-acknowledge");

        assertEquals("orders", spec.configuration("bean").consumer().queue());
    }

    @Test
    void everyJmsProblemIsReportedAtOnceNamingTheProperty() {
        JmsActivationSpec spec = new JmsActivationSpec();
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setMessageSelector("region = 'eu'");
        spec.setDestination("orders");
        spec.setQueue("orders-too");

        String message = assertThrows(InvalidSettingsException.class, () -> spec.configuration("bean"))
                .getMessage();

        assertAll(() -> assertTrue(message.contains("'destinationType' is 'jakarta.jms.Topic'; only "
                        + "jakarta.jms.Queue is supported"), message),
                () -> assertTrue(message.contains("'messageSelector' is set; message selectors are not supported"),
                        message),
                () -> assertTrue(message.contains("'destination', 'destinationLookup' and 'queue' name the same "
                        + "thing; set one of them"), message));
    }

    @Test
    void withoutADestinationTheQueueIsMissing() {
        String message = assertThrows(InvalidSettingsException.class,
                () -> new JmsActivationSpec().configuration("bean")).getMessage();

        assertTrue(message.contains("activation property 'queue' is missing or empty"), message);
    }
}
