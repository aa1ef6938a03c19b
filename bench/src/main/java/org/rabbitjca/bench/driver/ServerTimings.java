// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reads from Payara Micro's log how long the adapter took to start and its message-driven beans to activate. */
final class ServerTimings {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private ServerTimings() {
    }

    /**
     * @param log Micro's log
     * @return e.g. "adapter started 2 MDB activations in 123 ms", or what could not be read
     */
    static String activation(String log) {
        List<String> lines = log.lines().toList();
        OffsetDateTime started = stampOf(lines, "rabbitmq-jca started");
        List<String> activations = lines.stream().filter(line -> line.contains(" consumes queue ")).toList();
        if (started == null || activations.isEmpty()) {
            return "activation time: not found in the log";
        }
        OffsetDateTime lastActivation = stamp(activations.get(activations.size() - 1));
        return String.format("From the adapter's start to the last of its %d message-driven bean activations "
                + "(queue declared, consumer started): %d ms.", activations.size(),
                Duration.between(started, lastActivation).toMillis());
    }

    private static OffsetDateTime stampOf(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).findFirst().map(ServerTimings::stamp).orElse(null);
    }

    private static OffsetDateTime stamp(String line) {
        return OffsetDateTime.parse(line.substring(1, line.indexOf(']')), STAMP);
    }
}
