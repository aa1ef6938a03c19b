// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code rabbitmqctl -q ... --no-table-headers} output. Pure functions. */
final class CtlOutput {

    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    private CtlOutput() {
    }

    /** @return one row per non-blank line, cells split at tabs */
    static List<List<String>> rows(String output) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                rows.add(Arrays.asList(line.split("\t", -1)));
            }
        }
        return rows;
    }

    static String cell(List<String> row, int column) {
        if (column >= row.size()) {
            throw new RabbitNodeException("rabbitmqctl printed a row with " + row.size() + " cells where column "
                    + (column + 1) + " was expected: " + row);
        }
        return row.get(column);
    }

    /**
     * Reads a string-valued client property from a {@code client_properties} cell, which rabbitmqctl prints as an
     * Erlang-like list: {@code [{"connection_name","orders"},{"product","RabbitMQ"},...]}, quotes and backslashes
     * inside strings escaped with a backslash.
     *
     * @return the unescaped value, or empty if the client did not send that property as a string
     */
    static Optional<String> clientProperty(String clientProperties, String key) {
        Matcher matcher = Pattern.compile("\\{\"" + Pattern.quote(key) + "\",\"((?:[^\"\\\\]|\\\\.)*)\"\\}")
                .matcher(clientProperties);
        return matcher.find() ? Optional.of(ESCAPE.matcher(matcher.group(1)).replaceAll("$1")) : Optional.empty();
    }
}
