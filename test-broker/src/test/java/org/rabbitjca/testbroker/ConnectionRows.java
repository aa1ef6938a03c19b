// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the broker says about one named client connection, from {@code rabbitmqctl list_connections}. */
final class ConnectionRows {

    private ConnectionRows() {
    }

    /**
     * @param connectionName the client-provided name
     * @param columns        {@code list_connections} info items, e.g. {@code user}, {@code ssl_protocol}
     * @return their values, in the order asked for
     */
    static List<String> of(RabbitNode node, String connectionName, String... columns) {
        List<String> args = new ArrayList<>(List.of("list_connections", "--no-table-headers", "client_properties"));
        args.addAll(Arrays.asList(columns));
        for (List<String> row : CtlOutput.rows(node.rabbitmqctl(args.toArray(String[]::new)))) {
            if (CtlOutput.clientProperty(row.get(0), "connection_name").filter(connectionName::equals).isPresent()) {
                return row.subList(1, row.size());
            }
        }
        return fail("The broker lists no connection named '" + connectionName + "'");
    }
}
