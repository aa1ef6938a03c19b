// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.liberty;

import org.rabbitjca.testserver.ServerProcesses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An Open Liberty server run in the foreground ({@code server run}, which becomes the server's JVM), its user
 * directory under the test's work directory. Its state is read from {@code messages.log}. {@link #close()} stops it
 * (SIGTERM, then SIGKILL after 30 s) and waits until it is gone.
 */
final class LibertyProcess implements AutoCloseable {

    private final Process process;
    private final Path messages;

    private LibertyProcess(Process process, Path messages) {
        this.process = process;
        this.messages = messages;
    }

    /**
     * @param home the unpacked Open Liberty
     * @param userDir the user directory holding {@code servers/}{@value LibertyLauncher#SERVER}
     * @param workDir where the console output goes
     * @param environment variables added to the server's environment
     * @return the started server, not yet known to be ready
     */
    static LibertyProcess start(Path home, Path userDir, Path workDir, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/server").toString(), "run",
                LibertyLauncher.SERVER).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("liberty-console.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "WLP_USER_DIR", userDir.toString()));
        Path messages = userDir.resolve("servers").resolve(LibertyLauncher.SERVER).resolve("logs/messages.log");
        return new LibertyProcess(builder.start(), messages);
    }

    /**
     * @param within how long the start and the applications' start may take
     * @param applications the applications' names
     * @throws AssertionError when the server exited, or it or an application did not start or fail, in time
     */
    void awaitReady(Duration within, List<String> applications) throws Exception {
        ServerProcesses.await(process, "Open Liberty", "start with " + applications, within,
                () -> log().contains("CWWKF0011I") && applications.stream().allMatch(this::settled), this::log);
    }

    private boolean settled(String application) {
        try {
            return started(application) > 0 || failed(application);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** @return how many times the application started: CWWKZ0001I, then CWWKZ0003I for each update */
    int started(String application) throws IOException {
        return (int) Pattern.compile("(CWWKZ0001I: Application " + Pattern.quote(application) + " started"
                + "|CWWKZ0003I: The application " + Pattern.quote(application) + " updated)")
                .matcher(log()).results().count();
    }

    /** @return whether Liberty reported that the application failed to start (CWWKZ0002E, CWWKZ0004E) */
    boolean failed(String application) throws IOException {
        return Pattern.compile("CWWKZ000[24]E: .*\\b" + Pattern.quote(application) + "\\b").matcher(log()).find();
    }

    /** @return the server's messages so far */
    String log() throws IOException {
        return Files.exists(messages) ? Files.readString(messages, StandardCharsets.UTF_8) : "";
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
