// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.wildfly;

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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WildFly standalone server of its own: a server base directory (configuration, deployments, data, log) under the
 * test's work directory beside the shared distribution, configured offline with the management CLI, then started
 * with {@code standalone.sh} bound to 127.0.0.1 on ports shifted by a free offset. {@link #close()} stops its JVM
 * (SIGTERM, then SIGKILL after 30 s) and waits until it is gone.
 */
final class WildFlyProcess implements AutoCloseable {

    /** The standard ports of {@code standalone.xml} that the offset shifts: HTTP, HTTPS, management, transactions. */
    private static final List<Integer> STANDARD_PORTS = List.of(8080, 8443, 9990, 9993, 4712, 4713);
    private static final Duration CLI_WITHIN = Duration.ofMinutes(2);
    /**
     * The profile: the full one, because only its messaging subsystem makes {@code @Inject JMSContext} work for the
     * JMS face; its own JMS adapter stays, with rabbitmq-jca the default for message-driven beans.
     */
    static final String CONFIGURATION = "standalone-full.xml";

    private final Process script;
    private final Path baseDir;
    private final Path log;
    private final int portOffset;

    private WildFlyProcess(Process script, Path baseDir, Path log, int portOffset) {
        this.script = script;
        this.baseDir = baseDir;
        this.log = log;
        this.portOffset = portOffset;
    }

    /**
     * Writes a fresh server base directory, runs the CLI commands against it offline, puts the adapter in its
     * deployment scanner's directory under the name the subsystem's entry refers to, and starts WildFly.
     *
     * @param home the unpacked WildFly distribution
     * @param workDir where the base directory and the logs go
     * @param cliCommands commands run in an embedded server before the start
     * @param rar the rabbitmq-jca.rar, deployed at boot
     * @param jvmOptions options of the server's JVM
     * @param environment variables added to the server's environment
     * @return the started server, not yet known to be ready
     */
    static WildFlyProcess start(Path home, Path workDir, List<String> cliCommands, Path rar,
                                List<String> jvmOptions, Map<String, String> environment) throws Exception {
        Path baseDir = workDir.resolve("standalone");
        ServerFiles.deleteRecursively(baseDir);
        Files.createDirectories(baseDir.resolve("deployments"));
        copyRecursively(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        configureOffline(home, baseDir, workDir, cliCommands);
        Files.copy(rar, baseDir.resolve("deployments").resolve(WildFlyCli.DEPLOYMENT));
        int offset = ServerFiles.freeShift(STANDARD_PORTS, () -> 1000 * ThreadLocalRandom.current().nextInt(10, 50)
                + ThreadLocalRandom.current().nextInt(100));
        Path log = workDir.resolve("wildfly.log");
        List<String> options = new ArrayList<>(List.of("-Xms64m", "-Xmx512m", "-XX:MetaspaceSize=96M",
                "-XX:MaxMetaspaceSize=256m", "-Djava.net.preferIPv4Stack=true", "-Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman"));
        options.addAll(jvmOptions);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/standalone.sh").toString(),
                "-c", CONFIGURATION, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JBOSS_BASE_DIR", baseDir.toString(), "JAVA_OPTS", String.join(" ", options),
                "LAUNCH_JBOSS_IN_BACKGROUND", "1", "JBOSS_PIDFILE", baseDir.resolve("wildfly.pid").toString()));
        return new WildFlyProcess(builder.start(), baseDir, log, offset);
    }

    private static void configureOffline(Path home, Path baseDir, Path workDir, List<String> commands)
            throws Exception {
        List<String> script = new ArrayList<>();
        script.add("embed-server --std-out=discard --server-config=" + CONFIGURATION);
        // The scanner looks every half second, not every five, for the applications copied in after the start.
        script.add("/subsystem=deployment-scanner/scanner=default:write-attribute(name=scan-interval,value=500)");
        script.addAll(commands);
        script.add("stop-embedded-server");
        Path file = Files.write(workDir.resolve("configure.cli"), script);
        Path output = workDir.resolve("configure.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/jboss-cli.sh").toString(),
                "--file=" + file)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS", "-Djboss.server.base.dir=" + baseDir));
        Process cli = builder.start();
        if (!cli.waitFor(CLI_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("WildFly's CLI did not configure the server within " + CLI_WITHIN + ":\n"
                    + Files.readString(output));
        }
        if (cli.exitValue() != 0) {
            throw new AssertionError("WildFly's CLI failed (" + cli.exitValue() + ") on " + file + ":\n"
                    + Files.readString(output));
        }
    }

    /**
     * @param within how long the start may take
     * @throws AssertionError when the server exited or did not start within that time
     */
    void awaitStarted(Duration within) throws Exception {
        ServerProcesses.await(script, "WildFly", "start", within, this::started, this::log);
    }

    /**
     * @param within how long the deployments may take
     * @param fileNames file names in the deployment scanner's directory, e.g. {@code probe.war}
     * @throws AssertionError when the server exited, or the scanner did not finish with them, within that time
     */
    void awaitSettled(Duration within, List<String> fileNames) throws Exception {
        ServerProcesses.await(script, "WildFly", "deploy " + fileNames, within,
                () -> fileNames.stream().allMatch(this::settled), this::log);
    }

    private boolean started() throws IOException {
        String text = log();
        return text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026");
    }

    /** @return whether the scanner finished with the deployment: a {@code .deployed} or {@code .failed} marker */
    private boolean settled(String fileName) {
        Path deployments = baseDir.resolve("deployments");
        return Files.exists(deployments.resolve(fileName + ".deployed"))
                || Files.exists(deployments.resolve(fileName + ".failed"));
    }

    /** @return the deployment scanner's directory */
    Path deployments() {
        return baseDir.resolve("deployments");
    }

    /** @return the HTTP port, 8080 shifted by the offset, on 127.0.0.1 */
    int httpPort() {
        return 8080 + portOffset;
    }

    /** @return everything the server printed so far */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** @return the operating system's id of the server's JVM (not of the script that started it) */
    long pid() {
        return jvm().map(ProcessHandle::pid).orElse(script.pid());
    }

    private Optional<ProcessHandle> jvm() {
        try {
            Path pidFile = baseDir.resolve("wildfly.pid");
            if (Files.exists(pidFile)) {
                return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
            }
        } catch (IOException | NumberFormatException unreadable) {
            // the script has not written it yet: its descendants tell
        }
        return script.toHandle().descendants().findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        Optional<ProcessHandle> jvm = jvm();
        if (jvm.isPresent()) {
            stop(jvm.get());
        }
        ServerProcesses.stop(script, Duration.ofSeconds(10));
    }

    private static void stop(ProcessHandle jvm) throws InterruptedException {
        jvm.destroy();
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException stuck) {
            jvm.destroyForcibly();
            try {
                jvm.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException unkillable) {
                throw new IllegalStateException("WildFly's JVM " + jvm.pid() + " survived SIGKILL", unkillable);
            }
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }
}
