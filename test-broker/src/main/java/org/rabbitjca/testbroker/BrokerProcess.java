// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operating-system side of one node: launches {@code rabbitmq-server}, waits until it is ready, and ends it
 * cleanly or with {@code kill -9}.
 *
 * <p>Process tree (Debian): our child is the wrapper script, which runs {@code su rabbitmq}, a shell, the real
 * {@code rabbitmq-server} script and finally the Erlang VM ({@code beam.smp}), whose pid the node writes to its pid
 * file. {@code beam.smp} is what "the node" is; the rest exits when it does.
 *
 * <p>Threading: {@link #start}, {@link #stop} and {@link #kill9} are called by {@link RabbitNode} under its lock;
 * {@link #killForShutdown} may run concurrently with them from the JVM shutdown hook, so the fields it reads are
 * volatile.
 */
final class BrokerProcess {

    private static final Logger LOG = Logger.getLogger(BrokerProcess.class.getName());
    private static final int LOG_TAIL_LINES = 30;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Installation installation;
    private final NodeDirectory directory;
    private final Rabbitmqctl ctl;
    private final String nodeName;
    private final int amqpPort;
    private final int distributionPort;

    private volatile Process launcher;
    private volatile ProcessHandle beam;

    BrokerProcess(Installation installation, NodeDirectory directory, Rabbitmqctl ctl, String nodeName,
            int amqpPort, int distributionPort) {
        this.installation = installation;
        this.directory = directory;
        this.ctl = ctl;
        this.nodeName = nodeName;
        this.amqpPort = amqpPort;
        this.distributionPort = distributionPort;
    }

    /**
     * Launches the node and waits until its applications run.
     *
     * @param readyTimeout how long the node may take to become ready
     * @throws RabbitNodeException if it does not become ready in time or dies; the node is killed by then
     */
    void start(Duration readyTimeout) {
        try {
            // A pid file left by kill -9 would make "rabbitmqctl wait" watch a dead process and give up at once.
            Files.deleteIfExists(directory.pidFile());
            ProcessBuilder builder = new ProcessBuilder(installation.server().toString())
                    .directory(directory.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.consoleFile().toFile()));
            builder.environment().putAll(environment());
            launcher = builder.start();
        } catch (IOException e) {
            throw new RabbitNodeException("Cannot launch " + installation.server() + " for test node " + nodeName
                    + ": " + e.getMessage(), e);
        }
        awaitReady(readyTimeout);
    }

    /**
     * Su keeps the environment (but HOME), so these reach the node; the Debian wrapper changes the directory. HOME
     * becomes user rabbitmq's, /var/lib/rabbitmq: every test node and rabbitmqctl use the Erlang cookie there,
     * which is what lets {@link RabbitCluster} join nodes.
     */
    private Map<String, String> environment() {
        return Map.of(
                "RABBITMQ_NODENAME", nodeName,
                "RABBITMQ_NODE_IP_ADDRESS", RabbitNode.HOST,
                "RABBITMQ_NODE_PORT", Integer.toString(amqpPort),
                "RABBITMQ_DIST_PORT", Integer.toString(distributionPort),
                "RABBITMQ_MNESIA_BASE", directory.mnesia().toString(),
                "RABBITMQ_LOG_BASE", directory.logs().toString(),
                "RABBITMQ_PID_FILE", directory.pidFile().toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", directory.enabledPluginsFile().toString(),
                "RABBITMQ_CONFIG_FILE", directory.configFileBase().toString(),
                "ERL_CRASH_DUMP", directory.crashDumpFile().toString());
    }

    private void awaitReady(Duration readyTimeout) {
        Process started = launcher;
        CommandRunner.Result wait = ctl.attempt(readyTimeout.plusSeconds(5), () -> !started.isAlive(),
                "wait", directory.pidFile().toString(), "--timeout", Long.toString(readyTimeout.toSeconds()));
        if (wait.succeeded()) {
            beam = readBeamPid().orElse(null);
            if (beam != null) {
                return;
            }
        }
        String why = started.isAlive() ? wait.describe() : "rabbitmq-server exited with " + started.exitValue();
        killForShutdown();
        throw new RabbitNodeException("Test node " + nodeName + " (AMQP port " + amqpPort + ", distribution port "
                + distributionPort + ", limit " + readyTimeout.toSeconds() + " s) did not become ready: " + why
                + ". Look for the reason below (eaddrinuse: another process took a port meanwhile; start again)."
                + directory.tail(LOG_TAIL_LINES));
    }

    private Optional<ProcessHandle> readBeamPid() {
        try {
            long pid = Long.parseLong(Files.readString(directory.pidFile(), StandardCharsets.US_ASCII).strip());
            // Belt and braces against a recycled pid: only ever kill an Erlang VM.
            return ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("beam")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return whether the node's Erlang VM is alive */
    boolean isRunning() {
        ProcessHandle current = beam;
        return current != null && current.isAlive();
    }

    /** @return the OS pid of the node's Erlang VM, if it runs */
    Optional<Long> pid() {
        ProcessHandle current = beam;
        return current != null && current.isAlive() ? Optional.of(current.pid()) : Optional.empty();
    }

    /**
     * Sends SIGKILL to the Erlang VM and waits until it and the wrapper processes are gone. No-op if not running.
     */
    void kill9() {
        ProcessHandle current = beam;
        if (current != null) {
            current.destroyForcibly();
            awaitExit(current, "kill -9");
        }
        awaitLauncherExit();
        beam = null;
    }

    /**
     * Stops the node with {@code rabbitmqctl stop}, and kills it if that fails or takes longer than
     * {@code timeout}. No-op if not running.
     */
    void stop(Duration timeout) {
        ProcessHandle current = beam;
        if (current == null || !current.isAlive()) {
            awaitLauncherExit();
            beam = null;
            return;
        }
        CommandRunner.Result result = ctl.attempt(timeout, () -> !current.isAlive(), "stop");
        // "rabbitmqctl stop" returns while the VM is still shutting down: the VM's exit is what counts.
        if (!waitForExit(current, timeout)) {
            LOG.log(Level.WARNING, "Test node {0} did not stop cleanly within {1} s ({2}); killing it",
                    new Object[] {nodeName, timeout.toSeconds(), result.describe()});
        }
        kill9(); // a no-op for a VM that has exited; it also waits for the wrapper processes
    }

    /**
     * Last resort for the JVM shutdown hook and failed starts: SIGKILL to the VM and every process the launcher
     * started, without waiting and without taking locks.
     */
    void killForShutdown() {
        ProcessHandle current = beam;
        if (current != null) {
            current.destroyForcibly();
        }
        Process started = launcher;
        if (started != null) {
            CommandRunner.killTree(started.toHandle());
        }
    }

    private void awaitLauncherExit() {
        Process started = launcher;
        if (started != null && !waitForExit(started.toHandle(), EXIT_TIMEOUT)) {
            CommandRunner.killTree(started.toHandle());
        }
        launcher = null;
    }

    private void awaitExit(ProcessHandle process, String what) {
        if (!waitForExit(process, EXIT_TIMEOUT)) {
            throw new RabbitNodeException("The Erlang VM (pid " + process.pid() + ") of test node " + nodeName
                    + " was still alive " + EXIT_TIMEOUT.toSeconds() + " s after " + what + ".");
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
