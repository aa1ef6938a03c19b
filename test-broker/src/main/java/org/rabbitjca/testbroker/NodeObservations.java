// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Broker-side counts of one node, read with {@code rabbitmqctl} list commands in virtual host {@code /}.
 * Stateless apart from the ctl; thread-safe.
 */
final class NodeObservations {

    private final Rabbitmqctl ctl;

    NodeObservations(Rabbitmqctl ctl) {
        this.ctl = ctl;
    }

    int connectionCount() {
        return ctl.table("list_connections", "pid").size();
    }

    int channelCount() {
        return ctl.table("list_channels", "pid").size();
    }

    /** Client-provided names, or the broker's name for connections without one. */
    List<String> connectionNames() {
        return ctl.table("list_connections", "name", "client_properties").stream()
                .map(NodeObservations::displayName)
                .collect(Collectors.toList());
    }

    Map<String, Integer> channelsPerConnection() {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (List<String> row : ctl.table("list_connections", "name", "client_properties", "channels")) {
            result.merge(displayName(row), Integer.parseInt(CtlOutput.cell(row, 2)), Integer::sum);
        }
        return result;
    }

    /** Consumer count of every channel, grouped by the display name of the channel's connection. */
    Map<String, List<Integer>> consumersPerChannel() {
        Map<String, String> names = new HashMap<>();
        for (List<String> row : ctl.table("list_connections", "pid", "name", "client_properties")) {
            names.put(CtlOutput.cell(row, 0), displayName(row.subList(1, row.size())));
        }
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        for (List<String> row : ctl.table("list_channels", "connection", "consumer_count")) {
            String connection = names.getOrDefault(CtlOutput.cell(row, 0), CtlOutput.cell(row, 0));
            result.computeIfAbsent(connection, name -> new ArrayList<>())
                    .add(Integer.parseInt(CtlOutput.cell(row, 1)));
        }
        return result;
    }

    /** Numeric columns of every queue, by queue name, in the order asked for. */
    Map<String, List<Integer>> queueCounts(String... columns) {
        List<String> asked = new ArrayList<>(List.of("name"));
        asked.addAll(List.of(columns));
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        for (List<String> row : ctl.table("list_queues", asked.toArray(String[]::new))) {
            List<Integer> counts = new ArrayList<>();
            for (int column = 1; column <= columns.length; column++) {
                counts.add(Integer.parseInt(CtlOutput.cell(row, column)));
            }
            result.put(CtlOutput.cell(row, 0), counts);
        }
        return result;
    }

    int queueMessageCount(String queue) {
        List<List<String>> rows = ctl.table("list_queues", "name", "messages");
        for (List<String> row : rows) {
            if (CtlOutput.cell(row, 0).equals(queue)) {
                return Integer.parseInt(CtlOutput.cell(row, 1));
            }
        }
        throw new RabbitNodeException("No queue '" + queue + "' in virtual host / of the test node; it has "
                + rows.stream().map(r -> CtlOutput.cell(r, 0)).collect(Collectors.toList()));
    }

    private static String displayName(List<String> row) {
        return CtlOutput.clientProperty(CtlOutput.cell(row, 1), "connection_name").orElse(CtlOutput.cell(row, 0));
    }
}
