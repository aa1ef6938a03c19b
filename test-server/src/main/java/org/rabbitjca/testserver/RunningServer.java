// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.net.URL;
import java.time.Duration;

/**
 * A server a {@link ServerLauncher} started: where its applications answer, what it logged, and the few things a
 * test reads from its log that each server family words its own way. {@link #close()} stops it and waits until its
 * process is gone.
 */
public interface RunningServer extends AutoCloseable {

    /** @return the base URL of an application, e.g. {@code http://127.0.0.1:8123/probe/} */
    URL base(String application);

    /** @return how many times the application was deployed so far: 0 when its deployment failed */
    int deployments(String application);

    /** @return whether the application was deployed (at least once) */
    default boolean deployed(String application) {
        return deployments(application) > 0;
    }

    /**
     * @return whether the application's message-driven beans were activated: on most servers whether it was
     *         deployed, as a bean that fails its activation fails its application's deployment; Open Liberty starts
     *         an application without the beans that failed, and overrides this
     */
    default boolean beansActivated(String application) {
        return deployed(application);
    }

    /**
     * Redeploys a running application that was added {@link Application#redeployable() redeployable}, and waits until
     * the server reports it deployed once more.
     *
     * @param within how long the redeploy may take
     * @throws AssertionError when the server did not redeploy it within that time
     */
    void redeploy(String application, Duration within) throws Exception;

    /** @return how many times the container refused the adapter an endpoint instance (a bean being undeployed) */
    long endpointRefusals() throws Exception;

    /** @return whether the log shows the container rolling back a transaction under way at an undeploy */
    boolean rolledBackTransactionsAtUndeploy() throws Exception;

    /** @return everything the server printed so far */
    String log() throws Exception;

    /** @return the operating system's id of the server's process, e.g. for a thread dump */
    long pid();

    /** Stops the server (gracefully, then forcibly after a bound) and waits until its process is gone. */
    @Override
    void close() throws InterruptedException;
}
