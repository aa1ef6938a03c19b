// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a short-lived command with a deadline and captures its output. A command that overstays is killed with
 * its whole process tree (Debian's wrappers fork {@code su}, a shell and an Erlang VM), so nothing lingers.
 * Stateless and thread-safe.
 */
final class CommandRunner {

    private static final long POLL_MILLIS = 100;
    private static final long DRAIN_MILLIS = 5_000;
    private static final File DEV_NULL = new File("/dev/null");

    /** How a command ended. */
    enum Outcome {
        /** It exited by itself; see the exit code. */
        EXITED,
        /** It ran past its deadline and was killed. */
        TIMED_OUT,
        /** The caller's give-up condition became true and it was killed. */
        GAVE_UP
    }

    /**
     * What a command did.
     *
     * @param command  the command line, for messages
     * @param outcome  how it ended
     * @param exitCode its exit code, or -1 unless {@link Outcome#EXITED}
     * @param stdout   its standard output
     * @param stderr   its standard error
     */
    record Result(String command, Outcome outcome, int exitCode, String stdout, String stderr) {

        boolean succeeded() {
            return outcome == Outcome.EXITED && exitCode == 0;
        }

        /** @return a one-paragraph account for error messages */
        String describe() {
            String how = switch (outcome) {
                case EXITED -> "exited with " + exitCode;
                case TIMED_OUT -> "did not finish in time and was killed";
                case GAVE_UP -> "was abandoned";
            };
            return "'" + command + "' " + how + "; stdout: [" + stdout.strip() + "] stderr: [" + stderr.strip() + "]";
        }
    }

    private CommandRunner() {
    }

    /**
     * Runs a command to its end or its deadline.
     *
     * @param command the program and its arguments
     * @param timeout how long it may run
     * @return what it did; never throws for a non-zero exit or a timeout
     */
    static Result run(List<String> command, Duration timeout) {
        return run(command, timeout, () -> false);
    }

    /**
     * Runs a command to its end, its deadline, or until {@code giveUp} says there is no point waiting any longer
     * (checked every {@value #POLL_MILLIS} ms).
     */
    static Result run(List<String> command, Duration timeout, BooleanSupplier giveUp) {
        String commandLine = String.join(" ", command);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
        } catch (IOException e) {
            throw new RabbitNodeException("Cannot run '" + commandLine + "': " + e.getMessage(), e);
        }
        Drain stdout = new Drain(process.getInputStream(), commandLine);
        Drain stderr = new Drain(process.getErrorStream(), commandLine);
        Outcome outcome = awaitExit(process, timeout, giveUp);
        if (outcome != Outcome.EXITED) {
            killTree(process.toHandle());
        }
        return new Result(commandLine, outcome, outcome == Outcome.EXITED ? process.exitValue() : -1,
                stdout.text(), stderr.text());
    }

    private static Outcome awaitExit(Process process, Duration timeout, BooleanSupplier giveUp) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    return Outcome.TIMED_OUT;
                }
                if (giveUp.getAsBoolean()) {
                    return Outcome.GAVE_UP;
                }
            }
            return Outcome.EXITED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.GAVE_UP;
        }
    }

    /** Kills the descendants first: once the parent is gone they can no longer be found through it. */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /** Reads one output stream on its own thread, so a chatty command cannot block on a full pipe. */
    private static final class Drain {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String commandLine) {
            thread = new Thread(() -> copy(in), "drain " + commandLine);
            thread.setDaemon(true);
            thread.start();
        }

        private void copy(InputStream in) {
            try (in) {
                in.transferTo(buffer);
            } catch (IOException e) {
                // The process was killed and its pipe closed under us: what was read so far is all there is.
            }
        }

        String text() {
            try {
                thread.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
