// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.liberty;

import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.RunningServer;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An Open Liberty that {@link LibertyLauncher} started, read through its {@code messages.log}. */
final class LibertyServer implements RunningServer {

    private final LibertyProcess liberty;
    private final int httpPort;
    private final Map<String, List<String>> beans;

    /**
     * @param liberty the server's process
     * @param httpPort its HTTP port
     * @param beans per application, its message-driven beans' names
     */
    LibertyServer(LibertyProcess liberty, int httpPort, Map<String, List<String>> beans) {
        this.liberty = liberty;
        this.httpPort = httpPort;
        this.beans = Map.copyOf(beans);
    }

    @Override
    public URL base(String application) {
        return Http.base(httpPort, application);
    }

    @Override
    public int deployments(String application) {
        try {
            return liberty.failed(application) ? 0 : liberty.started(application);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read Open Liberty's messages.log", unreadable);
        }
    }

    /** Liberty logs J2CA8801I for each activation spec ({@code <application>/<bean>}) whose endpoint it activated. */
    @Override
    public boolean beansActivated(String application) {
        try {
            String log = liberty.log();
            return deployed(application) && beans.getOrDefault(application, List.of()).stream().allMatch(bean ->
                    log.contains("J2CA8801I: The message endpoint for activation specification " + application + "/"
                            + bean + " "));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read Open Liberty's messages.log", unreadable);
        }
    }

    @Override
    public void redeploy(String application, Duration within) {
        throw new UnsupportedOperationException("not done on Open Liberty yet: a Payara-only test asks");
    }

    @Override
    public long endpointRefusals() {
        throw new UnsupportedOperationException("not read from Open Liberty's log yet: a Payara-only test asks");
    }

    @Override
    public boolean rolledBackTransactionsAtUndeploy() {
        throw new UnsupportedOperationException("not read from Open Liberty's log yet: a Payara-only test asks");
    }

    @Override
    public String log() throws Exception {
        return liberty.log();
    }

    @Override
    public long pid() {
        return liberty.pid();
    }

    @Override
    public void close() throws InterruptedException {
        liberty.close();
    }
}
