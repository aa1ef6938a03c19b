// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.wildfly;

import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.RunningServer;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

/** A WildFly that {@link WildFlyLauncher} started, read through its console log and its scanner's marker files. */
final class WildFlyServer implements RunningServer {

    /** The marker that asks the deployment scanner to deploy (again) what is beside it. */
    static final String DO_DEPLOY = ".dodeploy";

    private final WildFlyProcess wildFly;

    WildFlyServer(WildFlyProcess wildFly) {
        this.wildFly = wildFly;
    }

    @Override
    public URL base(String application) {
        return Http.base(wildFly.httpPort(), application);
    }

    /**
     * WildFly logs WFLYSRV0010 for a first deployment and WFLYSRV0016 for each redeployment, even for one that
     * failed; the scanner's {@code .failed} marker tells those apart.
     */
    @Override
    public int deployments(String application) {
        String fileName = application + ".war";
        if (Files.exists(wildFly.deployments().resolve(fileName + ".failed"))) {
            return 0;
        }
        try {
            Pattern deployed = Pattern.compile("(WFLYSRV0010: Deployed|WFLYSRV0016: Replaced deployment) \""
                    + Pattern.quote(fileName) + "\"");
            return (int) deployed.matcher(wildFly.log()).results().count();
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read WildFly's log", unreadable);
        }
    }

    @Override
    public void redeploy(String application, Duration within) throws Exception {
        String fileName = application + ".war";
        if (!Files.isDirectory(wildFly.deployments().resolve(fileName))) {
            throw new IllegalArgumentException(application + " was not deployed as a redeployable application");
        }
        int before = deployments(application);
        Files.writeString(wildFly.deployments().resolve(fileName + DO_DEPLOY), "");
        if (Poll.until(within, () -> deployments(application), count -> count > before) <= before) {
            throw new AssertionError("WildFly did not redeploy " + application + " within " + within);
        }
    }

    @Override
    public long endpointRefusals() {
        throw new UnsupportedOperationException("not read from WildFly's log yet: a Payara-only test asks");
    }

    @Override
    public boolean rolledBackTransactionsAtUndeploy() {
        throw new UnsupportedOperationException("not read from WildFly's log yet: a Payara-only test asks");
    }

    @Override
    public String log() throws Exception {
        return wildFly.log();
    }

    @Override
    public long pid() {
        return wildFly.pid();
    }

    @Override
    public void close() throws InterruptedException {
        wildFly.close();
    }
}
