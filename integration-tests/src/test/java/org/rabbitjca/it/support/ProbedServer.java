// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.it.probe.ConnectProbe;
import org.rabbitjca.it.probe.ProbePublisher;
import org.rabbitjca.testserver.AdminObject;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.BuildProperties;
import org.rabbitjca.testserver.Footprint;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.Http;
import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerLauncher;
import org.rabbitjca.testserver.ServerSetup;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with rabbitmq-jca and the probe war ({@link #APPLICATION}: the probes of package {@code probe}, the beans,
 * pools and {@code ejb-jar.xml} a test chooses), started through {@link ServerLauncher#fromSystemProperties()}. It
 * keeps every answer of its probes, so that a test can scan them and the server's log for passwords. Host names
 * resolve from a hosts file of its own ({@code -Djdk.net.hosts.file}): a name missing there fails without a DNS query
 * leaving the machine.
 */
public final class ProbedServer implements AutoCloseable {

    /** The probe war's name and context root. */
    public static final String APPLICATION = "probe";
    /** The connection name the adapter's configuration gives unless a test sets its own. */
    public static final String ADAPTER_CONNECTION_NAME = "rabbitmq-jca-it";
    /** The connection name of the probes' pool ({@link #probePool()}); the adapter appends the connection's role. */
    public static final String PROBE_POOL_CONNECTION_NAME = "it-probe";
    /** The probes' pool's most channels. */
    public static final int PROBE_POOL_MAX_SIZE = 8;

    private static final ServerLauncher LAUNCHER = ServerLauncher.fromSystemProperties();

    private final RunningServer server;
    private final Path workDir;
    private final List<String> answers = new ArrayList<>();

    private ProbedServer(RunningServer server, Path workDir) {
        this.server = server;
        this.workDir = workDir;
    }

    /**
     * @param name the server's work directory's name
     * @return a builder of the server, to be started with {@link Builder#start()}
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * @param variable an environment variable of the server's process
     * @return how a pool property refers to it on the server the tests run on
     */
    public static String environmentReference(String variable) {
        return LAUNCHER.environmentReference(variable);
    }

    /**
     * @return the pool the probes publish through ({@link ProbePublisher#POOL}): confirms on with a 5 s timeout, at
     *         most {@value #PROBE_POOL_MAX_SIZE} channels, connection name {@value #PROBE_POOL_CONNECTION_NAME}
     */
    public static ConnectorPool probePool() {
        return ConnectorPool.of("probe-pool", ProbePublisher.POOL, PROBE_POOL_MAX_SIZE, 10_000, Map.of(
                "publisherConfirms", "true", "confirmTimeoutMillis", "5000",
                "connectionName", PROBE_POOL_CONNECTION_NAME));
    }

    /** @return the directory a test's server files go to, {@code <rabbitjca.workdir>/<name>} */
    public static Path workDir(String name) throws IOException {
        return Files.createDirectories(BuildProperties.requiredPath("rabbitjca.workdir").resolve(name));
    }

    /** @return the rabbitmq-jca-microprofile jar the build made, for a war's {@code WEB-INF/lib} */
    public static File microprofileJar() {
        return BuildProperties.requiredPath("rabbitjca.microprofile.jar").toFile();
    }

    /** @return the launcher of the server family the tests run on, for tests that deploy other wars too */
    public static ServerLauncher launcher() {
        return LAUNCHER;
    }

    /** What the server runs; everything but the name is optional. */
    public static final class Builder {
        private final String name;
        private Map<String, String> adapterProperties = ServerSetup.adapterFor(5672, ADAPTER_CONNECTION_NAME);
        private List<ConnectorPool> pools = List.of();
        private List<ConnectorPool> serverPools = List.of();
        private List<String> serverCommands = List.of();
        private List<JdbcPool> dataSources = List.of();
        private List<AdminObject> adminObjects = List.of();
        private List<File> libraries = List.of();
        private String persistenceXml; // none unless set
        private String ejbJar; // none unless set
        private List<Class<?>> beans = List.of();
        private List<String> hostNames = List.of();
        private List<String> jvmOptions = List.of();
        private Map<String, String> environment = Map.of();
        private boolean redeployable;

        private Builder(String name) {
            this.name = name;
        }

        /** @param port the adapter's default broker port on 127.0.0.1 */
        public Builder adapterPort(int port) {
            return adapterProperties(ServerSetup.adapterFor(port, ADAPTER_CONNECTION_NAME));
        }

        /** @param properties the adapter's configuration, instead of the default one */
        public Builder adapterProperties(Map<String, String> properties) {
            this.adapterProperties = properties;
            return this;
        }

        /** @param connectorPools the war's pools */
        public Builder pools(List<ConnectorPool> connectorPools) {
            this.pools = connectorPools;
            return this;
        }

        /** @param connectorPools pools an administrator declares in the server's configuration */
        public Builder serverPools(List<ConnectorPool> connectorPools) {
            this.serverPools = connectorPools;
            return this;
        }

        /** @param commands commands of the server's administration language, e.g. from a script users copy */
        public Builder serverCommands(List<String> commands) {
            this.serverCommands = List.copyOf(commands);
            return this;
        }

        /** @param jdbcPools the war's JDBC pools; their drivers go in with {@link #libraries} */
        public Builder dataSources(List<JdbcPool> jdbcPools) {
            this.dataSources = jdbcPools;
            return this;
        }

        /** @param destinations the war's JMS destinations */
        public Builder adminObjects(List<AdminObject> destinations) {
            adminObjects = List.copyOf(destinations);
            return this;
        }

        /** @param jars libraries for the war's {@code WEB-INF/lib}, e.g. a JDBC driver */
        public Builder libraries(File... jars) {
            this.libraries = List.of(jars);
            return this;
        }

        /** @param descriptor the war's {@code META-INF/persistence.xml} */
        public Builder persistenceXml(String descriptor) {
            this.persistenceXml = descriptor;
            return this;
        }

        /** @param descriptor the war's {@code ejb-jar.xml}, e.g. from {@link EjbJarXml} */
        public Builder ejbJar(String descriptor) {
            this.ejbJar = descriptor;
            return this;
        }

        /** @param listenerClasses message-driven bean classes to add to the war */
        public Builder beans(Class<?>... listenerClasses) {
            this.beans = List.of(listenerClasses);
            return this;
        }

        /** @param names names that resolve to 127.0.0.1 besides {@code localhost} and this machine's name */
        public Builder hostNames(String... names) {
            this.hostNames = List.of(names);
            return this;
        }

        /** @param options options of the server's JVM, e.g. a larger heap */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        /** @param variables variables added to the server's environment */
        public Builder environment(Map<String, String> variables) {
            this.environment = variables;
            return this;
        }

        /** Deploys the war so that the test may {@link RunningServer#redeploy} it. */
        public Builder redeployable() {
            this.redeployable = true;
            return this;
        }

        /** Builds the war and starts the server with the adapter configured for the broker. */
        public ProbedServer start() throws Exception {
            Path workDir = workDir(name);
            Path hosts = Files.writeString(workDir.resolve("hosts"), "127.0.0.1 localhost "
                    + InetAddress.getLocalHost().getHostName() + " " + String.join(" ", hostNames) + "\n");
            WebArchive archive = ShrinkWrap.create(WebArchive.class, APPLICATION + ".war")
                    .addPackage(ConnectProbe.class.getPackage()).addClasses(beans.toArray(Class<?>[]::new));
            if (ejbJar != null) {
                archive.addAsWebInfResource(new StringAsset(ejbJar), "ejb-jar.xml");
            }
            if (persistenceXml != null) {
                archive.addAsResource(new StringAsset(persistenceXml), "META-INF/persistence.xml");
            }
            libraries.forEach(archive::addAsLibrary);
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-Djdk.net.hosts.file=" + hosts);
            Application probe = Application.of(APPLICATION, archive, pools).withDataSources(dataSources)
                    .withAdminObjects(adminObjects);
            ServerSetup setup = ServerSetup.of(workDir, adapterProperties,
                            List.of(redeployable ? probe.asRedeployable() : probe))
                    .withServerPools(serverPools).withServerCommands(serverCommands).withJvmOptions(options)
                    .withEnvironment(environment);
            long launched = System.nanoTime();
            RunningServer server = LAUNCHER.start(setup);
            System.out.println(Footprint.of(ServerLauncher.family(), name,
                    Duration.ofNanos(System.nanoTime() - launched), server));
            return new ProbedServer(server, workDir);
        }
    }

    /**
     * @return a pool of the war, {@code java:app/rabbitmq/<name>}, with the union of the given properties
     */
    @SafeVarargs
    public static ConnectorPool pool(String name, Map<String, String>... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> part : properties) {
            all.putAll(part);
        }
        return ConnectorPool.of(name, "java:app/rabbitmq/" + name, 4, 10_000, all);
    }

    /** @return what one confirmed publish through the factory at {@code jndiName} gave ({@link ConnectProbe}) */
    public Map<String, String> publish(String jndiName, String queue) throws Exception {
        return post("api/connect?factory=" + jndiName + "&queue=" + queue);
    }

    /** @return what a probe answered to a POST, kept for the secrets scan */
    public Map<String, String> post(String pathAndQuery) throws Exception {
        Map<String, String> answer = Http.post(base(), pathAndQuery, Duration.ofMinutes(1));
        answers.add(answer.toString());
        return answer;
    }

    /** @return what a probe answered to a GET */
    public Map<String, String> get(String pathAndQuery) throws Exception {
        return Http.get(base(), pathAndQuery);
    }

    /** @return the probe war's base URL, e.g. {@code http://127.0.0.1:8123/probe/} */
    public URL base() {
        return server.base(APPLICATION);
    }

    /**
     * Publishes once through {@code java:app/rabbitmq/<pool>} and asserts the exception's type and its text.
     */
    public void assertPublishFails(String pool, String queue, Class<? extends BrokerUnavailableException> type,
                                   String text) throws Exception {
        Map<String, String> answer = publish("java:app/rabbitmq/" + pool, queue);
        assertAll(pool, () -> assertEquals(type.getName(), answer.get("exception"), answer.toString()),
                () -> assertTrue(answer.getOrDefault("message", "").contains(text), "'" + pool + "' said: "
                        + answer.get("message") + "\nexpected: " + text));
    }

    /** Writes where the server's threads are to {@code threads.txt} in its work directory, for a diagnosis. */
    public void dumpThreads() throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", String.valueOf(server.pid()), "Thread.print")
                .redirectOutput(workDir.resolve("threads.txt").toFile()).start().waitFor();
    }

    /** @return everything the server printed so far */
    public String log() throws Exception {
        return server.log();
    }

    /** Asserts that none of the secrets is in the server's log or in any answer of its probes. */
    public void assertNoneIn(List<String> secrets) throws Exception {
        String everything = server.log() + String.join("\n", answers);
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String secret : secrets) {
            found.put(secret.substring(0, 3) + "...", everything.contains(secret));
        }
        assertFalse(found.containsValue(true), "a password appears in Micro's log or an answer: " + found);
    }

    /** @return the running server, for what the probes do not show */
    public RunningServer server() {
        return server;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
