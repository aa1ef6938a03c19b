// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import org.rabbitjca.testserver.ServerProcesses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GlassFish domain's server JVM, started with the command line {@code start-domain --dry-run} prints (so that this
 * process is the server itself, not an asadmin waiting for it), read through its console output (the same
 * records as its {@code server.log}, which it writes behind a buffer). {@link #close()}
 * stops it (SIGTERM, then SIGKILL after 30 s) and waits until it is gone.
 */
final class GlassFishProcess implements AutoCloseable {

    /** The server's main class, after which the command line holds the server's arguments, not the JVM's. */
    private static final String MAIN_CLASS = "com.sun.enterprise.glassfish.bootstrap.GlassFishMain";

    private final Process process;
    private final Path console;

    private GlassFishProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /**
     * @param asadmin the distribution's asadmin
     * @param domain the domain to start
     * @param jvmOptions options added to the domain's own
     * @param environment variables added to the server's environment
     * @param workDir where the console output goes ({@code glassfish.log})
     * @return the started server, not yet known to be ready
     */
    static GlassFishProcess start(Asadmin asadmin, GlassFishDomain domain, List<String> jvmOptions,
                                  Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        List<String> command = commandLine(asadmin, domain);
        command.addAll(command.indexOf(MAIN_CLASS), jvmOptions);
        Path console = workDir.resolve("glassfish.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        return new GlassFishProcess(builder.start(), console);
    }

    /** @return the server's command line as {@code start-domain --dry-run} prints it, one argument a line */
    private static List<String> commandLine(Asadmin asadmin, GlassFishDomain domain)
            throws IOException, InterruptedException {
        Asadmin.Result dryRun = asadmin.run(List.of("start-domain", "--dry-run", "--domaindir",
                domain.directory().getParent().toString(), GlassFishDomain.NAME));
        List<String> lines = dryRun.output().lines().toList();
        int java = lines.indexOf(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int end = lines.indexOf("Command start-domain executed successfully.");
        if (dryRun.exitCode() != 0 || java < 0 || end < java || !lines.contains(MAIN_CLASS)) {
            throw new AssertionError("asadmin start-domain --dry-run printed no command line:\n" + dryRun.output());
        }
        return new ArrayList<>(lines.subList(java, end).stream().filter(line -> !line.isBlank()).toList());
    }

    /**
     * @param within how long the start may take
     * @throws AssertionError when the server exited or did not start within that time
     */
    void awaitStarted(Duration within) throws Exception {
        ServerProcesses.await(process, "GlassFish", "start", within, () -> log().contains("NCLS-CORE-00017"),
                this::log);
    }

    /** @return everything the server logged so far */
    String log() throws IOException {
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    /** @return the server JVM's process id */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process, Duration.ofSeconds(30));
    }
}
