// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GlassFish's {@code asadmin}, run as an administrator runs it, every run bounded in time: its output is kept in a
 * file of the work directory per run, and returned.
 */
final class Asadmin {

    /** How long one asadmin command may take; a deployment is the longest. */
    private static final Duration WITHIN = Duration.ofMinutes(3);
    /** How a multimode run reports a command that failed; the run itself still exits with 0. */
    private static final Pattern FAILED = Pattern.compile("(?m)^Command (\\S+) failed\\.$");

    private final Path home;
    private final Path workDir;
    private int runs;

    /**
     * @param home the unpacked GlassFish ({@code glassfish7})
     * @param workDir where each run's output goes
     */
    Asadmin(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
    }

    /**
     * @param arguments asadmin's options and a command with its own
     * @return the command's exit code and output
     * @throws AssertionError when it did not end within {@link #WITHIN}
     */
    Result run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/asadmin").toString()));
        command.addAll(arguments);
        Path output = workDir.resolve("asadmin-" + ++runs + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process asadmin = builder.start();
        if (!asadmin.waitFor(WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            asadmin.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("asadmin " + arguments + " did not end within " + WITHIN + ":\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(asadmin.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /**
     * @param adminPort the running domain's administration port
     * @param arguments a command with its options, e.g. {@code deploy --name probe probe.war}
     * @return the command's exit code and output
     * @throws AssertionError when it did not end within {@link #WITHIN}
     */
    Result onDomain(int adminPort, String... arguments) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(adminPort)));
        all.addAll(List.of(arguments));
        return run(all);
    }

    /**
     * Runs commands one after the other in one asadmin ({@code multimode --file}), as an administrator runs a script.
     *
     * @param adminPort the domain's administration port
     * @param commands the commands, in asadmin's syntax
     * @throws AssertionError naming the first command that failed, with asadmin's output
     */
    void script(int adminPort, List<String> commands) throws IOException, InterruptedException {
        Path file = Files.write(workDir.resolve("commands-" + (runs + 1) + ".asadmin"), commands);
        Result result = onDomain(adminPort, "multimode", "--file", file.toString());
        Matcher failed = FAILED.matcher(result.output());
        boolean commandFailed = failed.find();
        if (result.exitCode() != 0 || commandFailed) {
            throw new AssertionError("asadmin failed on " + (commandFailed ? failed.group(1) : file) + " of "
                    + file + ":\n" + result.output());
        }
    }

    /**
     * What one asadmin run ended with.
     *
     * @param exitCode 0 when the command succeeded
     * @param output what it printed
     */
    record Result(int exitCode, String output) {
    }
}
