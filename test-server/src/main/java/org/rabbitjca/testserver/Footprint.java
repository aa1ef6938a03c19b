// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a started server costs: how long its start took until its applications were deployed, and its resident
 * memory then (Linux's {@code VmRSS}). The harness prints it at every start, so that each test run measures each
 * server family; the benchmark results page quotes a run. A measurement, never an assertion.
 *
 * @param family the server family
 * @param name what was started, e.g. the test class
 * @param start from launch until ready with the applications deployed
 * @param residentMiB the server process's resident memory right after, in MiB; -1 when unreadable
 */
public record Footprint(String family, String name, Duration start, long residentMiB) {

    /** @return the footprint of the server that took {@code start} to become ready */
    public static Footprint of(String family, String name, Duration start, RunningServer server) {
        return new Footprint(family, name, start, residentMiB(server.pid()));
    }

    private static long residentMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }

    /** @return one line, e.g. {@code [footprint] wildfly MessageDrivenBeanIT: ready in 9.4 s, 701 MiB resident} */
    @Override
    public String toString() {
        return "[footprint] %s %s: ready in %.1f s, %d MiB resident".formatted(family, name,
                start.toMillis() / 1000.0, residentMiB);
    }
}
