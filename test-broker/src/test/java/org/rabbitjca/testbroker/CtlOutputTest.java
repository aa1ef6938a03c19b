// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of rabbitmqctl output, from samples printed by RabbitMQ 3.10.8. No broker needed. */
class CtlOutputTest {

    private static final String PROPERTIES = "[{\"connection_name\",\"we\\\"ird\\\\name, \u00e9 {x}\"},"
            + "{\"product\",\"RabbitMQ\"},{\"capabilities\",[{\"basic.nack\",true}]},{\"version\",\"5.37.1\"}]";

    @Test
    void rowsAreLinesSplitAtTabsWithoutBlankLines() {
        assertEquals(List.of(List.of("q1", "10"), List.of("q2", "")), CtlOutput.rows("q1\t10\nq2\t\n\n"));
        assertEquals(List.of(), CtlOutput.rows(""));
    }

    @Test
    void clientPropertyIsUnescaped() {
        assertEquals(Optional.of("we\"ird\\name, \u00e9 {x}"), CtlOutput.clientProperty(PROPERTIES, "connection_name"));
        assertEquals(Optional.of("5.37.1"), CtlOutput.clientProperty(PROPERTIES, "version"));
    }

    @Test
    void missingOrNonStringClientPropertyIsEmpty() {
        assertEquals(Optional.empty(), CtlOutput.clientProperty(PROPERTIES, "platform"));
        assertEquals(Optional.empty(), CtlOutput.clientProperty(PROPERTIES, "capabilities"));
        assertEquals(Optional.empty(), CtlOutput.clientProperty("[]", "connection_name"));
    }

    @Test
    void missingCellNamesTheColumnAndTheRow() {
        RabbitNodeException e = assertThrows(RabbitNodeException.class, () -> CtlOutput.cell(List.of("q1"), 1));
        assertEquals("rabbitmqctl printed a row with 1 cells where column 2 was expected: [q1]", e.getMessage());
    }
}
