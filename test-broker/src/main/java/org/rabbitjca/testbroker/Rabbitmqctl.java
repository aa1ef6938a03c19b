// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code rabbitmqctl} aimed at one node: every call passes {@code -n NODE}, so the machine's own broker is never
 * addressed, and every call has a deadline. A call costs about 0.4 s (it boots a small Erlang VM).
 * Stateless apart from its settings; thread-safe.
 */
final class Rabbitmqctl {

    private final Path executable;
    private final String nodeName;
    private final Duration timeout;

    /**
     * @param executable the {@code rabbitmqctl} wrapper
     * @param nodeName   the node every call is aimed at
     * @param timeout    how long one call may take
     */
    Rabbitmqctl(Path executable, String nodeName, Duration timeout) {
        this.executable = executable;
        this.nodeName = nodeName;
        this.timeout = timeout;
    }

    /**
     * Runs {@code rabbitmqctl -n NODE -q ARGS} and returns its standard output.
     *
     * @throws RabbitNodeException if it fails or overstays, with its output
     */
    String run(String... args) {
        CommandRunner.Result result = CommandRunner.run(command(args), timeout);
        if (!result.succeeded()) {
            throw new RabbitNodeException("rabbitmqctl failed on test node " + nodeName + " (limit "
                    + timeout.toSeconds() + " s): " + result.describe());
        }
        return result.stdout();
    }

    /**
     * Runs an {@code info_items}-style listing without table headers.
     *
     * @param command e.g. {@code list_connections}
     * @param columns the info items, one per column
     * @return one row per line, cells split at tabs
     */
    List<List<String>> table(String command, String... columns) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.add("--no-table-headers");
        args.addAll(Arrays.asList(columns));
        return CtlOutput.rows(run(args.toArray(String[]::new)));
    }

    /**
     * Runs a command with its own deadline and give-up condition, and reports rather than throws.
     */
    CommandRunner.Result attempt(Duration limit, BooleanSupplier giveUp, String... args) {
        return CommandRunner.run(command(args), limit, giveUp);
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", nodeName, "-q"));
        command.addAll(Arrays.asList(args));
        return command;
    }
}
