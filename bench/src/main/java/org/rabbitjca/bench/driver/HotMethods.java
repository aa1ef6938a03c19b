// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Summarises a flight recording of Payara Micro: the methods most often on top of the sampled stacks, from the JDK's
 * {@code jfr} tool. Written next to the results for the profiling notes.
 */
final class HotMethods {

    private HotMethods() {
    }

    static String summarise(Path recording, int top) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path printed = Files.createTempFile("samples", ".txt");
        Process process = new ProcessBuilder(jfr.toString(), "print", "--events", "jdk.ExecutionSample",
                "--stack-depth", "1", recording.toString()).redirectErrorStream(true)
                .redirectOutput(printed.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "jfr print did not finish within 5 minutes";
        }
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        List<String> lines = Files.readAllLines(printed);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("stackTrace = [") && i + 1 < lines.size()) {
                String frame = lines.get(i + 1).trim().replaceAll("\\s+line:.*", "");
                counts.merge(frame, 1, Integer::sum);
                total++;
            }
        }
        Files.delete(printed);
        int samples = total;
        StringBuilder summary = new StringBuilder("Top frames of " + samples + " execution samples in Payara Micro:\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> summary.append(String.format("%5.1f %%  %s%n", 100.0 * entry.getValue() / samples,
                        entry.getKey())));
        return summary.toString();
    }
}
