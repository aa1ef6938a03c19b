// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.rabbitjca.testserver.ServerFiles;
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
 * A Payara Micro process, started directly: what {@link PayaraMicroLauncher} runs for the integration tests, and
 * what the benchmarks measure from outside. Always {@code --nocluster --disablephonehome};
 * output goes to a log file the caller reads; {@link #close()} stops it (SIGTERM, then SIGKILL after 20 s).
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;

    private PayaraMicroProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts Micro with a post-boot command file and deployments, and waits until it reports itself ready.
     *
     * @param microJar the Payara Micro jar
     * @param workDir where the command file and the log go
     * @param postBootCommands asadmin commands run before the deployments
     * @param deployments wars to deploy, in order
     * @param readyWithin how long boot and deployment may take
     * @return the running server
     */
    public static PayaraMicroProcess startAndAwaitReady(Path microJar, Path workDir, List<String> postBootCommands,
                                                        List<Path> deployments, Duration readyWithin)
            throws Exception {
        return startAndAwaitReady(microJar, workDir, postBootCommands, deployments, readyWithin, List.of());
    }

    /**
     * Like {@link #startAndAwaitReady(Path, Path, List, List, Duration)}, with extra options for Micro's JVM, e.g.
     * a flight recording.
     *
     * @param jvmOptions options placed before {@code -jar}
     * @return the running server
     */
    public static PayaraMicroProcess startAndAwaitReady(Path microJar, Path workDir, List<String> postBootCommands,
                                                        List<Path> deployments, Duration readyWithin,
                                                        List<String> jvmOptions)
            throws Exception {
        return startAndAwaitReady(microJar, workDir, postBootCommands, deployments, readyWithin, jvmOptions,
                Map.of());
    }

    /**
     * Like {@link #startAndAwaitReady(Path, Path, List, List, Duration, List)}, with variables added to Micro's
     * environment, e.g. for {@code ${ENV=...}} in descriptors.
     *
     * @param environment variables to add
     * @return the running server
     */
    public static PayaraMicroProcess startAndAwaitReady(Path microJar, Path workDir, List<String> postBootCommands,
                                                        List<Path> deployments, Duration readyWithin,
                                                        List<String> jvmOptions, Map<String, String> environment)
            throws Exception {
        return startAndAwaitReady(microJar, workDir, postBootCommands, deployments, readyWithin, jvmOptions,
                environment, List.of());
    }

    /**
     * Like {@link #startAndAwaitReady(Path, Path, List, List, Duration, List, Map)}, with options of Micro's own,
     * e.g. {@code --hotdeploy}.
     *
     * @param microOptions options placed after Micro's standard ones and before the deployments
     * @return the running server
     */
    public static PayaraMicroProcess startAndAwaitReady(Path microJar, Path workDir, List<String> postBootCommands,
                                                        List<Path> deployments, Duration readyWithin,
                                                        List<String> jvmOptions, Map<String, String> environment,
                                                        List<String> microOptions)
            throws Exception {
        Files.createDirectories(workDir);
        Path commands = Files.write(workDir.resolve("postboot.asadmin"), postBootCommands);
        Path log = workDir.resolve("micro.log");
        int httpPort = ServerFiles.freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toString(), "--nocluster", "--disablephonehome",
                "--port", String.valueOf(httpPort), "--postbootcommandfile", commands.toString()));
        command.addAll(microOptions);
        for (Path deployment : deployments) {
            command.add("--deploy");
            command.add(deployment.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        PayaraMicroProcess micro = new PayaraMicroProcess(process, log, httpPort);
        micro.awaitReady(readyWithin);
        return micro;
    }

    private void awaitReady(Duration within) throws Exception {
        ServerProcesses.await(process, "Payara Micro", "become ready", within, this::ready, this::log);
    }

    private boolean ready() throws IOException {
        return log().matches("(?s).*Payara Micro .* ready in .*");
    }

    /** @return the HTTP port Micro listens on, on all interfaces */
    public int httpPort() {
        return httpPort;
    }

    /** @return the operating system's id of the Micro process */
    public long pid() {
        return process.pid();
    }

    /** @return everything Micro printed so far */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process, Duration.ofSeconds(20));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
