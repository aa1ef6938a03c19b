// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.BrokerUnreachableException;
import org.rabbitjca.api.LoginRefusedException;
import org.rabbitjca.api.TlsHandshakeException;
import org.rabbitjca.api.VirtualHostRefusedException;
import org.rabbitjca.sample.it.app.DeliveryLog;
import org.rabbitjca.sample.it.failures.ConfiguredListener;
import org.rabbitjca.sample.it.failures.ConnectProbe;
import org.rabbitjca.sample.it.invalid.InvalidConfigListener;
import org.rabbitjca.sample.it.support.BrokerClient;
import org.rabbitjca.sample.it.support.EjbJarXml;
import org.rabbitjca.sample.it.support.Poll;
import org.rabbitjca.sample.it.support.PostBootCommands;
import org.rabbitjca.testbroker.FaultProxy;
import org.rabbitjca.testbroker.Http;
import org.rabbitjca.testbroker.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.TestCertificates;
import org.rabbitjca.testbroker.TlsOptions;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a connection can fail gives its own exception and message, in Payara Micro, through pools configured
 * in a descriptor as users configure them: TLS (verified, EXTERNAL login, untrusted, wrong host name, TLSv1.1,
 * host name check off, a broker requiring client certificates with and without one, a message-driven bean over
 * mutual TLS), broker unreachable, login refused, virtual host missing, DNS failure, connection
 * timeout; a circuit breaker that fails callers at once while reconnect attempts back off; a heartbeat that
 * declares a silent peer dead; message-driven beans logging the same texts; and no password anywhere in the log or
 * in what callers got. Broker and network faults come from a TLS node and fault proxies of this test's own. Host
 * names resolve from a hosts file of the test's own, so the DNS failure sends nothing beyond loopback.
 */
class ConnectFailuresSayWhatIsWrongIT {

    private static final String QUEUE = "it.connect";
    private static final String MUTUAL_QUEUE = "it.connect.mutual";
    private static final String CONSUMED_OVER_TLS = "it.connect.tls-consumed";
    private static final String WRONG_PASSWORD = "wrong-pw-IT-7d3f";
    private static final String OTHER_NAME = "rabbit-elsewhere.test";
    private static final String TRUST_PASSWORD_VARIABLE = "JCA_IT_TRUST_PASSWORD";
    private static final int HEARTBEAT_SECONDS = 2;
    private static final int DEAD_PORT = deadPort();
    private static final String ENV_POOL_JNDI = "rabbitmq/tls-env";

    private static RabbitNode plain;
    private static RabbitNode tls;
    private static RabbitNode alarmed;
    private static FaultProxy frozen;
    private static FaultProxy refusing;
    private static FaultProxy heartbeat;
    private static PayaraMicroProcess micro;
    private static URL base;
    private static final List<String> ANSWERS = new ArrayList<>();

    @BeforeAll
    static void startBrokersAndServer() throws Exception {
        CompletableFuture<RabbitNode> tlsNode = CompletableFuture.supplyAsync(RabbitNode::startWithTls);
        // Also the mutual-TLS node: its plain port serves the blocked-publisher test.
        CompletableFuture<RabbitNode> alarmedNode = CompletableFuture.supplyAsync(() -> RabbitNode.startWithTls(
                TlsOptions.serverOnly().withClientCertificateRequired()));
        plain = RabbitNode.start();
        tls = tlsNode.join();
        alarmed = alarmedNode.join();
        BrokerClient.declareEmpty(plain, QUEUE, Map.of());
        BrokerClient.declareEmpty(alarmed, QUEUE, Map.of());
        BrokerClient.declareEmpty(alarmed, MUTUAL_QUEUE, Map.of());
        try (var connection = tls.newConnectionFactory().newConnection("it-setup");
             var channel = connection.createChannel()) {
            channel.queueDeclare(QUEUE, true, false, false, null);
        }
        frozen = FaultProxy.start(plain.amqpPort());
        frozen.freeze();
        refusing = FaultProxy.start(plain.amqpPort());
        refusing.refuseNewConnections(true);
        heartbeat = FaultProxy.start(plain.amqpPort());

        Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), "connect-failures"));
        Path hosts = Files.writeString(workDir.resolve("hosts"), "127.0.0.1 localhost "
                + InetAddress.getLocalHost().getHostName() + " " + OTHER_NAME + "\n");
        Path war = workDir.resolve("connect-failures.war");
        ShrinkWrap.create(WebArchive.class, "connect-failures.war")
                .addPackage(ConnectProbe.class.getPackage())
                .addClasses(InvalidConfigListener.class, DeliveryLog.class)
                .addAsWebInfResource(new StringAsset(pools()), "glassfish-resources.xml")
                .addAsWebInfResource(new StringAsset(ejbJar()), "ejb-jar.xml")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        List<String> commands = new ArrayList<>(PostBootCommands.commands(plain.amqpPort()));
        // A pool as an administrator creates it, its password from the environment: Payara resolves ${ENV=...}.
        commands.add("create-connector-connection-pool --raname rabbitmq-jca --connectiondefinition "
                + "org.rabbitjca.api.RabbitConnectionFactory --steadypoolsize 0 --maxpoolsize 4 --property "
                + "addresses=127.0.0.1\\:" + tls.tlsPort() + ":useTls=true:trustStore="
                + tls.certificates().trustStore() + ":trustStorePassword=${ENV=" + TRUST_PASSWORD_VARIABLE
                + "}:connectionName=it-env tls-env-pool");
        commands.add("create-connector-resource --poolname tls-env-pool " + ENV_POOL_JNDI);
        micro = PayaraMicroProcess.startAndAwaitReady(Path.of(System.getProperty("payara.micro.jar")), workDir,
                commands, List.of(war), Duration.ofMinutes(3),
                List.of("-Djdk.net.hosts.file=" + hosts),
                Map.of(TRUST_PASSWORD_VARIABLE, tls.certificates().trustStorePassword()));
        base = new URL("http://127.0.0.1:" + micro.httpPort() + "/connect-failures/");
    }


    @Test
    void tlsConnectsOnlyToAVerifiedBrokerAndSaysWhyNot() throws Exception {
        Map<String, String> verified = publishOnce("tls-verified");
        Map<String, String> passwordFromEnvironment = publish(ENV_POOL_JNDI, QUEUE);
        Map<String, String> external = publishOnce("tls-external");
        Map<String, String> unverifiedHost = publishOnce("tls-unverified-host");

        assertAll(() -> assertEquals("published", verified.get("outcome"), verified.toString()),
                () -> assertEquals("published", passwordFromEnvironment.get("outcome"),
                        passwordFromEnvironment.toString()),
                () -> assertEquals("published", external.get("outcome"), external.toString()),
                () -> assertEquals("published", unverifiedHost.get("outcome"), unverifiedHost.toString()),
                () -> assertEquals(4, tls.queueMessageCount(QUEUE)),
                () -> assertTrue(tls.rabbitmqctl("list_connections", "client_properties", "user", "auth_mechanism",
                                "ssl").lines().anyMatch(line -> line.contains("it-external (publish)")
                                && line.contains(TestCertificates.CLIENT_COMMON_NAME) && line.contains("EXTERNAL")
                                && line.contains("true")), "no EXTERNAL login over TLS as "
                        + TestCertificates.CLIENT_COMMON_NAME),
                () -> assertTrue(micro.log().contains("does NOT verify the server's host name"),
                        "no warning about verifyHostname=false"),
                () -> assertFailed("tls-untrusted", TlsHandshakeException.class,
                        "the broker's certificate is not trusted: it does not chain to a certificate in the JVM's "
                                + "default trust store"),
                () -> assertFailed("tls-wrong-host", TlsHandshakeException.class,
                        "the broker's certificate does not name the host connected to"),
                () -> assertFailed("tls-v11", TlsHandshakeException.class,
                        "no TLS protocol version is acceptable to both sides: tlsProtocols allows TLSv1.1"));
    }

    @Test
    void aBrokerRequiringClientCertificatesTakesOnlyPoolsThatPresentOne() throws Exception {
        Map<String, String> withCertificate = publish("java:app/rabbitmq/mutual-external", MUTUAL_QUEUE);
        Map<String, String> withoutCertificate = publish("java:app/rabbitmq/mutual-no-certificate", MUTUAL_QUEUE);

        assertAll(() -> assertEquals("published", withCertificate.get("outcome"), withCertificate.toString()),
                () -> assertEquals(1, alarmed.queueMessageCount(MUTUAL_QUEUE)),
                () -> assertEquals(TlsHandshakeException.class.getName(), withoutCertificate.get("exception"),
                        withoutCertificate.toString()),
                () -> assertTrue(withoutCertificate.get("message").contains("wanted one")
                                || withoutCertificate.get("message").contains("may require a client certificate"),
                        withoutCertificate.get("message")));
    }

    @Test
    void aMessageDrivenBeanConsumesOverMutualTlsLoggedInByItsCertificate() throws Exception {
        BrokerClient.publish(alarmed, CONSUMED_OVER_TLS, "tls", 20, i -> null);

        int processed = Poll.until(Duration.ofSeconds(30), () -> Integer.parseInt(Http.get(base,
                "api/deliveries?listener=" + CONSUMED_OVER_TLS).get("distinctProcessed")), count -> count >= 20);
        assertAll(() -> assertEquals(20, processed, "messages the bean processed over TLS"),
                () -> assertTrue(alarmed.rabbitmqctl("list_connections", "client_properties", "user",
                                "auth_mechanism", "ssl").lines().anyMatch(line -> line.contains("it-tls-bean (consume)")
                                && line.contains(TestCertificates.CLIENT_COMMON_NAME) && line.contains("EXTERNAL")
                                && line.contains("true")), "the bean's connection is not an EXTERNAL login over TLS"));
    }

    @Test
    void eachConnectFailureHasItsOwnExceptionAndMessage() throws Exception {
        String where = "(virtual host '/', user 'guest')";
        assertAll(() -> assertFailed("unreachable", BrokerUnreachableException.class, "Cannot reach the broker at "
                        + "127.0.0.1:" + DEAD_PORT + " " + where + ": connection refused. Is RabbitMQ "
                        + "running and listening on that address and port?"),
                () -> assertFailed("login", LoginRefusedException.class, "Login refused by the broker at 127.0.0.1:"
                        + plain.amqpPort() + " " + where + " with mechanism PLAIN"),
                () -> assertFailed("vhost", VirtualHostRefusedException.class,
                        "Virtual host 'no-such-vhost' does not exist or user 'guest' may not use it"),
                () -> assertFailed("dns", BrokerUnreachableException.class, "Cannot resolve the host name in "
                        + "'addresses' (no-such-host.test:5672)"),
                () -> assertFailed("timeout", BrokerUnreachableException.class, "Timed out after 1500 ms connecting "
                        + "to the broker at " + frozen.addresses()));
    }

    @Test
    void whileTheBrokerIsDownCallersFailAtOnceAndAttemptsBackOff() throws Exception {
        Map<String, String> hammered = Http.post(base, "api/connect/repeatedly?factory=java:app/rabbitmq/breaker"
                + "&queue=" + QUEUE + "&millis=4000", Duration.ofMinutes(1));
        List<Instant> attempts = refusing.connectionAttempts();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
        }
        System.out.printf("circuit breaker: %s calls in 4 s, %s failed at once; %d connection attempts, gaps %s ms "
                + "(backoff 400 ms doubling to 1600 ms, jitter +-25 %%)%n", hammered.get("calls"),
                hammered.get("failedAtOnce"), attempts.size(), gaps);
        ANSWERS.add(hammered.toString());

        int calls = Integer.parseInt(hammered.get("calls"));
        int failedAtOnce = Integer.parseInt(hammered.get("failedAtOnce"));
        assertAll(() -> assertTrue(calls >= 50, "only " + calls + " calls in 4 s"),
                () -> assertTrue(attempts.size() >= 3 && attempts.size() <= 6, attempts.size()
                        + " attempts reached the broker's address in 4 s; expected 3 to 6 with the backoff"),
                () -> assertEquals(calls - attempts.size(), failedAtOnce, "every call but the attempts must fail "
                        + "at once"),
                () -> assertTrue(gaps.get(0) >= 300 && gaps.get(0) <= 700, "first wait " + gaps.get(0) + " ms"),
                () -> assertTrue(gaps.get(gaps.size() - 1) >= 1100 && gaps.get(gaps.size() - 1) <= 1900,
                        "last wait " + gaps.get(gaps.size() - 1) + " ms"),
                () -> assertTrue(hammered.get("failFastMessage").matches("The broker is unavailable since "
                        + "\\d\\d:\\d\\d:\\d\\d.*Failing at once instead of waiting: the next attempt is at .*"),
                        hammered.get("failFastMessage")));
    }

    @Test
    void aSilentPeerIsDeclaredDeadWithinAboutTwoHeartbeatsAndTheConnectionComesBack() throws Exception {
        assertEquals("published", publishOnce("heartbeat").get("outcome"));

        heartbeat.freeze();
        Map<String, String> lost = Http.post(base, "api/connect/until-lost?factory=java:app/rabbitmq/heartbeat"
                + "&queue=" + QUEUE + "&millis=30000", Duration.ofMinutes(1));
        heartbeat.thaw();
        ANSWERS.add(lost.toString());
        long millis = Long.parseLong(lost.get("millis"));
        System.out.printf("heartbeat %d s: the frozen peer was declared dead after %d ms (%s)%n", HEARTBEAT_SECONDS,
                millis, lost.get("message"));

        assertAll(() -> assertEquals("failed", lost.get("outcome"), lost.toString()),
                () -> assertTrue(millis <= 4 * HEARTBEAT_SECONDS * 1000L, "declared dead only after " + millis
                        + " ms"));
        Map<String, String> back = Poll.until(Duration.ofSeconds(30), () -> publishOnce("heartbeat"),
                answer -> "published".equals(answer.get("outcome")));
        assertEquals("published", back.get("outcome"), "the connection did not come back: " + back);
    }

    @Test
    void aPublishWhileTheBrokerBlocksPublishersFailsAfterItsTimeoutSayingWhyAndPublishingResumes() throws Exception {
        List<Map<String, String>> answers = new ArrayList<>();
        answers.add(publishOnce("blocked"));
        assertEquals("published", answers.get(0).get("outcome"), answers.toString());

        alarmed.rabbitmqctl("set_vm_memory_high_watermark", "0");
        Map<String, String> refused;
        try {
            refused = Poll.until(Duration.ofSeconds(30), () -> record(answers, publishOnce("blocked")),
                    answer -> "failed".equals(answer.get("outcome")));
        } finally {
            alarmed.rabbitmqctl("set_vm_memory_high_watermark", "0.4");
        }
        Map<String, String> resumed = Poll.until(Duration.ofSeconds(30), () -> record(answers, publishOnce("blocked")),
                answer -> "published".equals(answer.get("outcome")));
        long confirmed = answers.stream().filter(answer -> "published".equals(answer.get("outcome"))).count();
        long failed = answers.size() - confirmed;
        System.out.printf("blocked broker: %s after %s ms; %d publishes confirmed, %d failed%n", refused.get("message"),
                refused.get("millis"), confirmed, failed);

        assertAll(() -> assertEquals(BrokerBlockedException.class.getName(), refused.get("exception"),
                        refused.toString()),
                () -> assertTrue(refused.get("message").contains("The broker is blocking publishers on channel ")
                        && refused.get("message").contains("memory"), refused.get("message")),
                () -> assertTrue(Long.parseLong(refused.get("millis")) >= 1_400, "gave up before its 1500 ms timeout: "
                        + refused.get("millis") + " ms"),
                () -> assertEquals("published", resumed.get("outcome"), "publishing did not resume: " + resumed),
                () -> {
                    int stored = alarmed.queueMessageCount(QUEUE);
                    assertTrue(stored >= confirmed && stored <= confirmed + failed, stored + " messages stored for "
                            + confirmed + " confirmed and " + failed + " failed publishes");
                });
    }

    private static Map<String, String> record(List<Map<String, String>> answers, Map<String, String> answer) {
        answers.add(answer);
        return answer;
    }

    @Test
    void messageDrivenBeansThatCannotConnectLogTheSameTexts() throws Exception {
        String unreachable = "connection refused. Is RabbitMQ running";
        String loginRefused = "Login refused by the broker at 127.0.0.1:" + plain.amqpPort();
        List<String> beanLines = Poll.until(Duration.ofSeconds(30), () -> micro.log().lines()
                        .filter(line -> line.contains("message-driven bean '") && line.contains("not consuming queue"))
                        .toList(),
                lines -> lines.stream().anyMatch(line -> line.contains(unreachable))
                        && lines.stream().anyMatch(line -> line.contains(loginRefused)));
        assertAll(() -> assertTrue(beanLines.stream().anyMatch(line -> line.contains(unreachable)),
                        "no bean line with: " + unreachable + "\n" + beanLines),
                () -> assertTrue(beanLines.stream().anyMatch(line -> line.contains(loginRefused)),
                        "no bean line with: " + loginRefused + "\n" + beanLines));
    }

    /** After every test: no password the suite used is in Micro's log or in any answer; then stops everything. */
    @AfterAll
    static void noPasswordInTheLogOrInAnyAnswerThenStop() throws Exception {
        try {
            if (micro != null) {
                String everything = micro.log() + String.join("\n", ANSWERS);
                Map<String, Boolean> found = new LinkedHashMap<>();
                for (String secret : List.of(WRONG_PASSWORD, tls.certificates().trustStorePassword(),
                        tls.certificates().keyStorePassword(), alarmed.certificates().trustStorePassword(),
                        alarmed.certificates().keyStorePassword())) {
                    found.put(secret.substring(0, 3) + "...", everything.contains(secret));
                }
                assertFalse(found.containsValue(true), "a password appears in Micro's log or an answer: " + found);
            }
        } finally {
            for (AutoCloseable part : new AutoCloseable[] {micro, heartbeat, refusing, frozen, alarmed, tls, plain}) {
                if (part != null) {
                    part.close();
                }
            }
        }
    }

    private static Map<String, String> publishOnce(String pool) throws Exception {
        return publish("java:app/rabbitmq/" + pool, QUEUE);
    }

    private static Map<String, String> publish(String jndiName, String queue) throws Exception {
        Map<String, String> answer = Http.post(base, "api/connect?factory=" + jndiName + "&queue=" + queue,
                Duration.ofMinutes(1));
        ANSWERS.add(answer.toString());
        return answer;
    }

    private static void assertFailed(String pool, Class<? extends BrokerUnavailableException> type, String text)
            throws Exception {
        Map<String, String> answer = publishOnce(pool);
        assertAll(pool, () -> assertEquals(type.getName(), answer.get("exception"), answer.toString()),
                () -> assertTrue(answer.getOrDefault("message", "").contains(text), "'" + pool + "' said: "
                        + answer.get("message") + "\nexpected: " + text));
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed at once: nothing listens there afterwards
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String pools() {
        TestCertificates certificates = tls.certificates();
        String trust = property("trustStore", certificates.trustStore().toString());
        String tlsAt = property("addresses", "127.0.0.1:" + tls.tlsPort()) + property("useTls", "true");
        Map<String, String> pools = new LinkedHashMap<>();
        pools.put("tls-verified", tlsAt + trust + property("trustStorePassword", certificates.trustStorePassword()));
        pools.put("tls-external", tlsAt + trust + property("trustStorePassword", certificates.trustStorePassword())
                + property("keyStore", certificates.keyStore().toString())
                + property("keyStorePassword", certificates.keyStorePassword())
                + property("saslMechanism", "EXTERNAL") + property("connectionName", "it-external"));
        pools.put("tls-unverified-host", property("addresses", OTHER_NAME + ":" + tls.tlsPort())
                + property("useTls", "true") + trust + property("trustStorePassword", certificates.trustStorePassword())
                + property("verifyHostname", "false"));
        pools.put("tls-untrusted", tlsAt);
        pools.put("tls-wrong-host", property("addresses", OTHER_NAME + ":" + tls.tlsPort())
                + property("useTls", "true") + trust
                + property("trustStorePassword", certificates.trustStorePassword()));
        pools.put("tls-v11", tlsAt + trust + property("trustStorePassword", certificates.trustStorePassword())
                + property("tlsProtocols", "TLSv1.1"));
        TestCertificates mutual = alarmed.certificates();
        String mutualAt = property("addresses", "127.0.0.1:" + alarmed.tlsPort()) + property("useTls", "true")
                + property("trustStore", mutual.trustStore().toString())
                + property("trustStorePassword", mutual.trustStorePassword());
        pools.put("mutual-external", mutualAt + property("keyStore", mutual.keyStore().toString())
                + property("keyStorePassword", mutual.keyStorePassword()) + property("saslMechanism", "EXTERNAL"));
        pools.put("mutual-no-certificate", mutualAt);
        pools.put("unreachable", property("addresses", "127.0.0.1:" + DEAD_PORT));
        pools.put("login", property("password", WRONG_PASSWORD));
        pools.put("vhost", property("virtualHost", "no-such-vhost"));
        pools.put("dns", property("addresses", "no-such-host.test:5672"));
        pools.put("timeout", property("addresses", frozen.addresses())
                + property("connectionTimeoutMillis", "1500"));
        pools.put("breaker", property("addresses", refusing.addresses())
                + property("reconnectInitialDelayMillis", "400") + property("reconnectMaxDelayMillis", "1600"));
        pools.put("blocked", property("addresses", "127.0.0.1:" + alarmed.amqpPort())
                + property("confirmTimeoutMillis", "1500"));
        pools.put("heartbeat", property("addresses", heartbeat.addresses())
                + property("requestedHeartbeatSeconds", String.valueOf(HEARTBEAT_SECONDS))
                + property("confirmTimeoutMillis", "1000") + property("reconnectInitialDelayMillis", "200"));
        String resources = pools.entrySet().stream().map(pool -> """
                  <connector-connection-pool name="%1$s" resource-adapter-name="rabbitmq-jca"
                      connection-definition-name="org.rabbitjca.api.RabbitConnectionFactory"
                      steady-pool-size="0" max-pool-size="4" max-wait-time-in-millis="10000">
                %2$s  </connector-connection-pool>
                  <connector-resource jndi-name="java:app/rabbitmq/%1$s" pool-name="%1$s"/>
                """.formatted(pool.getKey(), pool.getValue())).collect(Collectors.joining());
        return """
                <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN"
                        "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                <resources>
                %s</resources>
                """.formatted(resources);
    }

    private static String property(String name, String value) {
        return "    <property name=\"" + name + "\" value=\"" + value + "\"/>\n";
    }

    private static String ejbJar() {
        TestCertificates mutual = alarmed.certificates();
        return EjbJarXml.of(
                EjbJarXml.overriding("InvalidConfigListener", Map.of("queue", QUEUE, "addresses",
                        "127.0.0.1:" + DEAD_PORT)),
                EjbJarXml.adding("WrongPasswordListener", InvalidConfigListener.class,
                        Map.of("queue", QUEUE, "password", WRONG_PASSWORD)),
                EjbJarXml.adding("TlsListener", ConfiguredListener.class, Map.of("queue", CONSUMED_OVER_TLS,
                        "declareQueue", "true", "addresses", "127.0.0.1:" + alarmed.tlsPort(), "useTls", "true",
                        "trustStore", mutual.trustStore().toString(), "trustStorePassword", mutual.trustStorePassword(),
                        "keyStore", mutual.keyStore().toString(), "keyStorePassword", mutual.keyStorePassword(),
                        "saslMechanism", "EXTERNAL", "connectionName", "it-tls-bean")));
    }
}
