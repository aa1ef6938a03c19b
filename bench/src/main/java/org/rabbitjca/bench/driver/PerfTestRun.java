// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs RabbitMQ PerfTest as a process of its own (its logging and clustering libraries stay out of the driver) and
 * reads its average publishing rate. Its libraries come from the {@code bench/perftest} module's {@code target/lib}.
 */
final class PerfTestRun {

    private static final Pattern SENDING_RATE = Pattern.compile("sending rate avg: (\\d+) msg/s");

    private final Path libraries;
    private final Path log;

    /**
     * @param libraries the directory holding perf-test and its dependencies
     * @param log where PerfTest's output goes, for a failure's explanation
     */
    PerfTestRun(Path libraries, Path log) {
        this.libraries = libraries;
        this.log = log;
    }

    /**
     * One producer, 1 KiB persistent messages, at most 1 000 awaiting their confirm, to an existing queue.
     *
     * @return PerfTest's average sending rate, messages/s
     */
    double streamingConfirms(int amqpPort, String queue, long millis) throws Exception {
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException("PerfTest's libraries are missing from " + libraries
                    + ": build the bench/perftest module first (bin/run-bench does)");
        }
        long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(millis));
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", libraries.resolve("*").toString(), "com.rabbitmq.perf.PerfTest",
                "--uri", "amqp://guest:guest@127.0.0.1:" + amqpPort, "--producers", "1", "--consumers", "0",
                "--size", "1024", "--flag", "persistent", "--confirm", "1000", "--time", String.valueOf(seconds),
                "--queue", queue, "--predeclared", "--auto-delete", "false"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("PerfTest did not end within " + (seconds + 60) + " s; see " + log);
        }
        Matcher rate = SENDING_RATE.matcher(Files.readString(log));
        if (process.exitValue() != 0 || !rate.find()) {
            throw new IllegalStateException("PerfTest ended with " + process.exitValue()
                    + " and no sending rate; see " + log);
        }
        return Double.parseDouble(rate.group(1));
    }
}
