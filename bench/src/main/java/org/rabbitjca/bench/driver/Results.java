// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the repetitions of every row and writes the table: each scenario's subjects with min/median/max in
 * messages/s, and each subject's ratio to the scenario's reference row (the raw client) measured in the same
 * repetition, as the median and range of those paired ratios. Not thread-safe; the driver runs one measurement at a
 * time.
 */
final class Results {

    /** One scenario: its reference subject and the rows measured. */
    private record Scenario(String reference, Map<String, List<Double>> rows, String goal) {
    }

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void scenario(String name, String reference, String goal) {
        scenarios.put(name, new Scenario(reference, new LinkedHashMap<>(), goal));
    }

    void add(String scenario, String subject, double messagesPerSecond) {
        scenarios.get(scenario).rows().computeIfAbsent(subject, key -> new ArrayList<>()).add(messagesPerSecond);
    }

    void note(String line) {
        notes.add(line);
    }

    String table() {
        StringBuilder table = new StringBuilder("| scenario | subject | min msg/s | median msg/s | max msg/s "
                + "| ratio to reference: median (min-max) | goal |\n|---|---|---:|---:|---:|---:|---|\n");
        scenarios.forEach((name, scenario) -> {
            List<Double> reference = scenario.rows().get(scenario.reference());
            scenario.rows().forEach((subject, values) -> {
                Stats stats = Stats.of(values);
                boolean isReference = subject.equals(scenario.reference());
                table.append(String.format("| %s | %s | %.0f | %.0f | %.0f | %s | %s |%n", name, subject, stats.min(),
                        stats.median(), stats.max(), isReference ? "reference" : reference == null ? "n/a"
                                : ratios(values, reference), isReference ? "" : scenario.goal()));
            });
        });
        notes.forEach(note -> table.append('\n').append(note).append('\n'));
        return table.toString();
    }

    /**
     * Pairs each repetition's measurement with the reference measured right next to it, so that the machine's
     * drift between repetitions cancels out, and summarises the ratios.
     */
    private static String ratios(List<Double> values, List<Double> reference) {
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < Math.min(values.size(), reference.size()); i++) {
            paired.add(values.get(i) / reference.get(i));
        }
        Stats ratio = Stats.of(paired);
        return String.format("%.2f (%.2f-%.2f)", ratio.median(), ratio.min(), ratio.max());
    }

    void write(Path file, String header) throws IOException {
        Files.writeString(file, header + "\n\n" + table());
    }
}
