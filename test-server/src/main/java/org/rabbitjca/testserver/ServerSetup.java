// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test asks of a server, in no server's terms: the adapter's configuration (its server-wide defaults), pools
 * the server's administrator declares, the applications, and the process's JVM options and environment.
 *
 * @param workDir where the server's files and log go
 * @param adapterProperties the adapter's configuration, e.g. {@code addresses}, in order
 * @param serverPools pools declared in the server's configuration rather than in an application
 * @param serverCommands commands in the server's own administration language (asadmin on Payara, as its post-boot
 *                       file takes them, and on GlassFish, as {@code asadmin multimode --file} does; the CLI on
 *                       WildFly; elements of {@code server.xml} on Open Liberty), run after the adapter is deployed
 *                       and before the applications: a script users copy, tested as it is
 * @param applications deployed after the adapter, in order
 * @param jvmOptions options of the server's JVM, e.g. {@code -Djdk.net.hosts.file=...}
 * @param environment variables added to the server's environment
 * @param readyWithin how long start-up and deployment may take
 */
public record ServerSetup(Path workDir, Map<String, String> adapterProperties, List<ConnectorPool> serverPools,
                          List<String> serverCommands, List<Application> applications, List<String> jvmOptions,
                          Map<String, String> environment, Duration readyWithin) {

    /** How long a server may take to start and deploy unless a test says otherwise. */
    public static final Duration DEFAULT_READY_WITHIN = Duration.ofMinutes(3);

    /** Copies the collections so the record stays immutable (the adapter properties keep their order). */
    public ServerSetup {
        adapterProperties = Collections.unmodifiableMap(new LinkedHashMap<>(adapterProperties));
        serverPools = List.copyOf(serverPools);
        serverCommands = List.copyOf(serverCommands);
        applications = List.copyOf(applications);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /**
     * @param workDir where the server's files and log go
     * @param adapterProperties the adapter's configuration
     * @param applications the applications
     * @return a setup with no server pools, JVM options or environment, and the default start-up bound
     */
    public static ServerSetup of(Path workDir, Map<String, String> adapterProperties, List<Application> applications) {
        return new ServerSetup(workDir, adapterProperties, List.of(), List.of(), applications, List.of(), Map.of(),
                DEFAULT_READY_WITHIN);
    }

    /** @return the adapter configured for one broker at 127.0.0.1 with the given port and connection name */
    public static Map<String, String> adapterFor(int amqpPort, String connectionName) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("addresses", "127.0.0.1:" + amqpPort);
        properties.put("connectionName", connectionName);
        return properties;
    }

    /** @return this setup with these server-wide pools */
    public ServerSetup withServerPools(List<ConnectorPool> pools) {
        return new ServerSetup(workDir, adapterProperties, pools, serverCommands, applications, jvmOptions,
                environment, readyWithin);
    }

    /** @return this setup with these commands of the server's administration language */
    public ServerSetup withServerCommands(List<String> commands) {
        return new ServerSetup(workDir, adapterProperties, serverPools, commands, applications, jvmOptions,
                environment, readyWithin);
    }

    /** @return this setup with these JVM options */
    public ServerSetup withJvmOptions(List<String> options) {
        return new ServerSetup(workDir, adapterProperties, serverPools, serverCommands, applications, options,
                environment, readyWithin);
    }

    /** @return this setup with these environment variables */
    public ServerSetup withEnvironment(Map<String, String> variables) {
        return new ServerSetup(workDir, adapterProperties, serverPools, serverCommands, applications, jvmOptions,
                variables, readyWithin);
    }
}
