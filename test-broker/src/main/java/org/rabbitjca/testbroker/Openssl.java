// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code openssl} command line tool, which issues the certificates of TLS test nodes (the JDK has no public
 * API for that). Found once per JVM; every call has a deadline. Thread-safe.
 */
final class Openssl {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path USUAL_LOCATION = Path.of("/usr/bin/openssl");

    private static volatile Path found;

    private Openssl() {
    }

    /**
     * Runs {@code openssl ARGS}.
     *
     * @param purpose what the call is for, e.g. "issue the test CA", for the error message
     * @param args    the subcommand and its arguments
     * @throws RabbitNodeException if openssl is not installed, fails or overstays, with its output
     */
    static void run(String purpose, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        CommandRunner.Result result = CommandRunner.run(command, TIMEOUT);
        if (!result.succeeded()) {
            throw new RabbitNodeException("openssl could not " + purpose + " (limit " + TIMEOUT.toSeconds()
                    + " s): " + result.describe());
        }
    }

    /**
     * @return the openssl executable
     * @throws RabbitNodeException if there is none on PATH or in /usr/bin
     */
    static Path executable() {
        Path result = found;
        if (result == null) {
            result = locate().orElseThrow(() -> new RabbitNodeException("openssl is not installed (looked for it on"
                    + " PATH and at " + USUAL_LOCATION + "): TLS test nodes issue their certificates with it."
                    + " Install it with: sudo apt-get install -y openssl"));
            found = result;
        }
        return result;
    }

    private static Optional<Path> locate() {
        String path = System.getenv("PATH");
        Stream<Path> onPath = path == null ? Stream.empty()
                : Stream.of(path.split(File.pathSeparator)).filter(e -> !e.isEmpty()).map(e -> Path.of(e, "openssl"));
        return Stream.concat(onPath, Stream.of(USUAL_LOCATION)).filter(Files::isExecutable).findFirst();
    }
}
