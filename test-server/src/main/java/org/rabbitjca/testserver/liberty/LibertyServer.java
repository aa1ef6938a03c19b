// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.liberty;

import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.RunningServer;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

/** An Open Liberty that {@link LibertyLauncher} started, read through its {@code messages.log}. */
final class LibertyServer implements RunningServer {

    private final LibertyProcess liberty;
    private final int httpPort;

    LibertyServer(LibertyProcess liberty, int httpPort) {
        this.liberty = liberty;
        this.httpPort = httpPort;
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
