// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import org.rabbitjca.testserver.glassfish.GlassFishLauncher;
import org.rabbitjca.testserver.liberty.LibertyLauncher;
import org.rabbitjca.testserver.payara.PayaraMicroLauncher;
import org.rabbitjca.testserver.wildfly.WildFlyLauncher;

/**
 * Starts a Jakarta EE server of one family with rabbitmq-jca deployed and configured, and the test's applications
 * deployed after it: everything a test needs from a server that differs between server families (how the adapter
 * is configured, how pools are declared, how the server is started and stopped, how its log shows a deployment).
 * The integration tests talk only to this interface and to {@link RunningServer}; each server family is an
 * implementation, chosen with the system property {@value #SERVER_PROPERTY}.
 */
public interface ServerLauncher {

    /** The system property that chooses the server family; {@value #PAYARA_MICRO} unless set. */
    String SERVER_PROPERTY = "rabbitjca.server";
    /** The Payara Micro family, the default. */
    String PAYARA_MICRO = "payara-micro";
    /** WildFly, standalone. */
    String WILDFLY = "wildfly";
    /** Open Liberty. */
    String OPEN_LIBERTY = "open-liberty";
    /** GlassFish, a domain's server. */
    String GLASSFISH = "glassfish";

    /**
     * Starts the server and waits until it and every application in {@code setup} are deployed (an application that
     * fails to deploy does not fail the start; {@link RunningServer#deployed} tells).
     *
     * @param setup the adapter's configuration, the server-wide pools and the applications
     * @return the running server, to be closed by the caller
     */
    RunningServer start(ServerSetup setup) throws Exception;

    /**
     * @return how many managed connections (channels) this server holds per pool beyond the pool's maximum, by
     *         design: none, but on Open Liberty, which parks one outside the pool for its {@code autoCloseConnections}
     */
    default int managedConnectionsBeyondPoolMaximum() {
        return 0;
    }

    /**
     * @param variable an environment variable of the server's process
     * @return how a pool property refers to it in this server's configuration, so that no secret is written there
     */
    String environmentReference(String variable);

    /**
     * The launcher the system properties choose: {@value #SERVER_PROPERTY} names the family, and each family's own
     * properties say where its distribution and the adapter's {@code .rar} are (Maven's failsafe configuration of the
     * integration tests sets them).
     *
     * @return the launcher
     * @throws IllegalStateException naming the property that is missing or names no known server
     */
    static ServerLauncher fromSystemProperties() {
        String family = family();
        return switch (family) {
            case PAYARA_MICRO -> new PayaraMicroLauncher(BuildProperties.requiredPath("payara.micro.jar"),
                    BuildProperties.requiredPath("rabbitjca.rar"));
            case WILDFLY -> new WildFlyLauncher(BuildProperties.requiredPath("rabbitjca.wildfly.home"),
                    BuildProperties.requiredPath("rabbitjca.rar"),
                    BuildProperties.requiredPath("rabbitjca.descriptors").resolve("wildfly"));
            case OPEN_LIBERTY -> new LibertyLauncher(BuildProperties.requiredPath("rabbitjca.liberty.home"),
                    BuildProperties.requiredPath("rabbitjca.rar"));
            case GLASSFISH -> new GlassFishLauncher(BuildProperties.requiredPath("rabbitjca.glassfish.home"),
                    BuildProperties.requiredPath("rabbitjca.rar"),
                    BuildProperties.requiredPath("rabbitjca.descriptors").resolve("glassfish"));
            default -> throw new IllegalStateException("System property " + SERVER_PROPERTY + " is '" + family
                    + "'; the known servers are: " + PAYARA_MICRO + ", " + WILDFLY + ", " + OPEN_LIBERTY + ", "
                    + GLASSFISH);
        };
    }

    /** @return the server family {@value #SERVER_PROPERTY} names, {@value #PAYARA_MICRO} unless set */
    static String family() {
        return System.getProperty(SERVER_PROPERTY, PAYARA_MICRO);
    }
}
