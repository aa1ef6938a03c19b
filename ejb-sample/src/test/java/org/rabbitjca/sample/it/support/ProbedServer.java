// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.sample.it.app.DeliveryLog;
import org.rabbitjca.sample.it.failures.ConnectProbe;
import org.rabbitjca.testbroker.ConnectorPool;
import org.rabbitjca.testbroker.Http;
import org.rabbitjca.testbroker.PayaraMicroProcess;

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
 * Payara Micro with rabbitmq-jca and a war of the connection probes ({@link ConnectProbe}), whose pools and beans a
 * test declares, for tests of how connections fail. It keeps every answer of its probes, so that a test can scan
 * them and the server's log for passwords. Host names resolve from a hosts file of its own
 * ({@code -Djdk.net.hosts.file}): a name missing there fails without a DNS query leaving the machine.
 */
public final class ProbedServer implements AutoCloseable {

    private final PayaraMicroProcess micro;
    private final URL base;
    private final Path workDir;
    private final List<String> answers = new ArrayList<>();

    private ProbedServer(PayaraMicroProcess micro, URL base, Path workDir) {
        this.micro = micro;
        this.base = base;
        this.workDir = workDir;
    }

    /**
     * @param name the war's and work directory's name
     * @return a builder of the server, to be started with {@link Builder#start()}
     */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** What the server runs; everything but the name is optional. */
    public static final class Builder {
        private final String name;
        private List<String> adapterCommands = PostBootCommands.commands(5672);
        private List<ConnectorPool> pools = List.of();
        private String ejbJar; // none unless set
        private List<Class<?>> beans = List.of();
        private List<String> postBootCommands = List.of();
        private List<String> hostNames = List.of();
        private Map<String, String> environment = Map.of();

        private Builder(String name) {
            this.name = name;
        }

        /** @param port the adapter's default broker port on 127.0.0.1 */
        public Builder adapterPort(int port) {
            return adapterCommands(PostBootCommands.commands(port));
        }

        /** @param commands post-boot commands that configure and deploy the adapter, instead of the default ones */
        public Builder adapterCommands(List<String> commands) {
            this.adapterCommands = commands;
            return this;
        }

        /** @param connectorPools the war's pools */
        public Builder pools(List<ConnectorPool> connectorPools) {
            this.pools = connectorPools;
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

        /** @param commands post-boot commands after the adapter's deployment */
        public Builder postBootCommands(List<String> commands) {
            this.postBootCommands = commands;
            return this;
        }

        /** @param names names that resolve to 127.0.0.1 besides {@code localhost} and this machine's name */
        public Builder hostNames(String... names) {
            this.hostNames = List.of(names);
            return this;
        }

        /** @param variables variables added to the server's environment */
        public Builder environment(Map<String, String> variables) {
            this.environment = variables;
            return this;
        }

        /** Builds the war and starts the server with the adapter configured for the broker. */
        public ProbedServer start() throws Exception {
            Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), name));
            Path hosts = Files.writeString(workDir.resolve("hosts"), "127.0.0.1 localhost "
                    + InetAddress.getLocalHost().getHostName() + " " + String.join(" ", hostNames) + "\n");
            Path war = workDir.resolve(name + ".war");
            WebArchive archive = ShrinkWrap.create(WebArchive.class, name + ".war")
                    .addPackage(ConnectProbe.class.getPackage())
                    .addClass(DeliveryLog.class).addClasses(beans.toArray(Class<?>[]::new))
                    .addAsWebInfResource(new StringAsset(ConnectorPool.resourcesXml(pools)),
                            "glassfish-resources.xml");
            if (ejbJar != null) {
                archive.addAsWebInfResource(new StringAsset(ejbJar), "ejb-jar.xml");
            }
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            List<String> commands = new ArrayList<>(adapterCommands);
            commands.addAll(postBootCommands);
            PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(
                    Path.of(System.getProperty("payara.micro.jar")), workDir, commands, List.of(war),
                    Duration.ofMinutes(3), List.of("-Djdk.net.hosts.file=" + hosts), environment);
            return new ProbedServer(micro, new URL("http://127.0.0.1:" + micro.httpPort() + "/" + name + "/"),
                    workDir);
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
        Map<String, String> answer = Http.post(base, pathAndQuery, Duration.ofMinutes(1));
        answers.add(answer.toString());
        return answer;
    }

    /** @return what a probe answered to a GET */
    public Map<String, String> get(String pathAndQuery) throws Exception {
        return Http.get(base, pathAndQuery);
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
        new ProcessBuilder("jcmd", String.valueOf(micro.pid()), "Thread.print")
                .redirectOutput(workDir.resolve("threads.txt").toFile()).start().waitFor();
    }

    /** @return everything the server printed so far */
    public String log() throws Exception {
        return micro.log();
    }

    /** Asserts that none of the secrets is in the server's log or in any answer of its probes. */
    public void assertNoneIn(List<String> secrets) throws Exception {
        String everything = micro.log() + String.join("\n", answers);
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String secret : secrets) {
            found.put(secret.substring(0, 3) + "...", everything.contains(secret));
        }
        assertFalse(found.containsValue(true), "a password appears in Micro's log or an answer: " + found);
    }

    @Override
    public void close() throws InterruptedException {
        micro.close();
    }
}
