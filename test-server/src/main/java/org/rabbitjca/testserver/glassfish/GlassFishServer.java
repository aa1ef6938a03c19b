// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.glassfish;

import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.payara.GlassfishLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A GlassFish that {@link GlassFishLauncher} started, read through its console output. */
final class GlassFishServer implements RunningServer {

    private final GlassFishProcess glassFish;
    private final Asadmin asadmin;
    private final GlassFishDomain domain;
    private final Map<String, Path> archives;

    GlassFishServer(GlassFishProcess glassFish, Asadmin asadmin, GlassFishDomain domain, Map<String, Path> archives) {
        this.glassFish = glassFish;
        this.asadmin = asadmin;
        this.domain = domain;
        this.archives = Map.copyOf(archives);
    }

    @Override
    public URL base(String application) {
        return Http.base(domain.httpPort(), application);
    }

    @Override
    public int deployments(String application) {
        try {
            return GlassfishLog.deployments(glassFish.log(), application);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read GlassFish's console output", unreadable);
        }
    }

    /** Deploys the application's archive again over the running one ({@code deploy --force}), as users redeploy. */
    @Override
    public void redeploy(String application, Duration within) throws Exception {
        Path archive = archives.get(application);
        if (archive == null) {
            throw new IllegalArgumentException(application + " was not deployed on this server");
        }
        int before = deployments(application);
        Asadmin.Result redeployed = asadmin.onDomain(domain.adminPort(), "deploy", "--force", "true", "--name",
                application, archive.toString());
        if (redeployed.exitCode() != 0
                || Poll.until(within, () -> deployments(application), count -> count > before) <= before) {
            throw new AssertionError("GlassFish did not redeploy " + application + " within " + within + ":\n"
                    + redeployed.output());
        }
    }

    @Override
    public long endpointRefusals() throws Exception {
        return GlassfishLog.endpointRefusals(glassFish.log());
    }

    @Override
    public boolean rolledBackTransactionsAtUndeploy() throws Exception {
        return GlassfishLog.rolledBackTransactionsAtUndeploy(glassFish.log());
    }

    @Override
    public String log() throws Exception {
        return glassFish.log();
    }

    @Override
    public long pid() {
        return glassFish.pid();
    }

    @Override
    public void close() throws InterruptedException {
        glassFish.close();
    }
}
