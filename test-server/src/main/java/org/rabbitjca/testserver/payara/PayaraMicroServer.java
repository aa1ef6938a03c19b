// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.RunningServer;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A Payara Micro that {@link PayaraMicroLauncher} started, read through its log. */
final class PayaraMicroServer implements RunningServer {

    /** How long one touch of the reload file may take to show as a deployment before it is touched again. */
    private static final Duration TOUCH_TAKES = Duration.ofSeconds(10);

    private final PayaraMicroProcess micro;
    private final Map<String, Path> deployments;

    PayaraMicroServer(PayaraMicroProcess micro, Map<String, Path> deployments) {
        this.micro = micro;
        this.deployments = Map.copyOf(deployments);
    }

    @Override
    public URL base(String application) {
        return Http.base(micro.httpPort(), application);
    }

    @Override
    public int deployments(String application) {
        try {
            return GlassfishLog.deployments(micro.log(), application);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read Payara Micro's log", unreadable);
        }
    }

    /**
     * Touches the application's reload file; Micro's hot deploy compares its time with the one it saw last and may
     * miss a touch (the first right after start-up, for one), so it is touched again when no redeploy followed.
     */
    @Override
    public void redeploy(String application, Duration within) throws Exception {
        Path exploded = deployments.get(application);
        if (exploded == null || !Files.isDirectory(exploded)) {
            throw new IllegalArgumentException(application + " was not deployed as a redeployable application");
        }
        int before = deployments(application);
        long end = System.nanoTime() + within.toNanos();
        while (deployments(application) <= before && System.nanoTime() - end < 0) {
            Files.writeString(exploded.resolve(PayaraMicroLauncher.RELOAD_FILE), String.valueOf(System.nanoTime()));
            Poll.until(TOUCH_TAKES, () -> deployments(application), count -> count > before);
        }
        if (deployments(application) <= before) {
            throw new AssertionError("Payara Micro did not redeploy " + application + " within " + within);
        }
    }

    @Override
    public long endpointRefusals() throws Exception {
        return GlassfishLog.endpointRefusals(micro.log());
    }

    @Override
    public boolean rolledBackTransactionsAtUndeploy() throws Exception {
        return GlassfishLog.rolledBackTransactionsAtUndeploy(micro.log());
    }

    @Override
    public String log() throws Exception {
        return micro.log();
    }

    @Override
    public long pid() {
        return micro.pid();
    }

    @Override
    public void close() throws InterruptedException {
        micro.close();
    }
}
