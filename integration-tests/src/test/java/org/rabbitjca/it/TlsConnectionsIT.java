// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabbitjca.api.TlsHandshakeException;
import org.rabbitjca.it.beans.ConfiguredListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.EjbJarXml;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.TestCertificates;
import org.rabbitjca.testbroker.TlsOptions;
import org.rabbitjca.testserver.ConnectorPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rabbitjca.it.support.ProbedServer.pool;

/**
 * TLS in Payara Micro, configured as users configure it: pools verified against a trust store (one with its
 * password from the environment, in an asadmin-created pool), an EXTERNAL login by client certificate, the host-name
 * check turned off (and warned about), and refused with a reason when the certificate is untrusted, names another
 * host, or no protocol version is common; a broker requiring client certificates with and without one; a
 * message-driven bean consuming over mutual TLS. No store password appears in the log or in any answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsConnectionsIT {

    private static final String QUEUE = "it.tls";
    private static final String CONSUMED = "it.tls.consumed";
    private static final String OTHER_NAME = "rabbit-elsewhere.test";
    private static final String TRUST_PASSWORD_VARIABLE = "JCA_IT_TRUST_PASSWORD";
    private static final String ENV_POOL_JNDI = "rabbitmq/tls-env";
    private static final Path SCRIPT = Path.of("../deploy-descriptors/payara/payara-server.asadmin");

    private static RabbitNode serverOnly;
    private static RabbitNode mutual;
    private static ProbedServer server;

    @BeforeAll
    static void startBrokersAndServer() throws Exception {
        CompletableFuture<RabbitNode> mutualNode = CompletableFuture.supplyAsync(() -> RabbitNode.startWithTls(
                TlsOptions.serverOnly().withClientCertificateRequired()));
        serverOnly = RabbitNode.startWithTls();
        mutual = mutualNode.join();
        BrokerClient.declareEmpty(serverOnly, QUEUE, Map.of());
        BrokerClient.declareEmpty(mutual, QUEUE, Map.of());
        TestCertificates certificates = serverOnly.certificates();
        // A pool as an administrator creates it, its password from the server's environment.
        ConnectorPool environmentPool = ConnectorPool.of("tls-env-pool", ENV_POOL_JNDI, 4, 60_000, Map.of(
                "addresses", "127.0.0.1:" + serverOnly.tlsPort(), "useTls", "true",
                "trustStore", certificates.trustStore().toString(),
                "trustStorePassword", ProbedServer.environmentReference(TRUST_PASSWORD_VARIABLE),
                "connectionName", "it-env"));
        server = ProbedServer.named("tls-connections").adapterPort(serverOnly.amqpPort()).pools(pools())
                .beans(ConfiguredListener.class)
                .ejbJar(ejbJar()).serverPools(List.of(environmentPool)).hostNames(OTHER_NAME)
                .serverCommands(payaraServerScript(certificates))
                .environment(Map.of(TRUST_PASSWORD_VARIABLE, certificates.trustStorePassword())).start();
    }

    /**
     * @return the pool commands of {@code deploy-descriptors/payara/payara-server.asadmin} as users copy them, with
     *         this class's TLS node and trust store for the values the script marks "test:", after the password
     *         alias the script's comment tells users to create
     */
    private static List<String> payaraServerScript(TestCertificates certificates) throws IOException {
        Path aliasPassword = Files.writeString(ProbedServer.workDir("tls-connections").resolve("alias.password"),
                "AS_ADMIN_ALIASPASSWORD=" + certificates.trustStorePassword() + "\n");
        List<String> commands = new ArrayList<>(List.of("create-password-alias --passwordfile " + aliasPassword
                + " rabbitmq-truststore-password"));
        Files.readAllLines(SCRIPT).stream().filter(line -> line.startsWith("create-connector-"))
                .map(line -> line.replace("rabbit1\\:5671,rabbit2\\:5671", "127.0.0.1\\:" + serverOnly.tlsPort())
                        .replace("/etc/rabbitmq-jca/truststore.p12", certificates.trustStore().toString()))
                .forEach(commands::add);
        return commands;
    }

    /** Runs after every other test of the class: no password is in the server's log or in any probe answer. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noPasswordIsInTheServersLogOrInAnyProbeAnswer() throws Exception {
        server.assertNoneIn(List.of(serverOnly.certificates().trustStorePassword(),
                serverOnly.certificates().keyStorePassword(), mutual.certificates().trustStorePassword(),
                mutual.certificates().keyStorePassword()));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {server, mutual, serverOnly}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void tlsConnectsOnlyToAVerifiedBrokerAndSaysWhyNot() throws Exception {
        int before = serverOnly.queueMessageCount(QUEUE);
        Map<String, String> verified = publishOnce("tls-verified");
        Map<String, String> passwordFromEnvironment = server.publish(ENV_POOL_JNDI, QUEUE);
        Map<String, String> external = publishOnce("tls-external");

        assertAll(() -> assertEquals("published", verified.get("outcome"), verified.toString()),
                () -> assertEquals("published", passwordFromEnvironment.get("outcome"),
                        passwordFromEnvironment.toString()),
                () -> assertEquals("published", external.get("outcome"), external.toString()),
                () -> assertEquals(before + 3, serverOnly.queueMessageCount(QUEUE)),
                () -> assertTrue(isExternalTlsLogin(serverOnly, "it-external (publish)"),
                        "no EXTERNAL login over TLS as " + TestCertificates.CLIENT_COMMON_NAME),
                () -> server.assertPublishFails("tls-untrusted", QUEUE, TlsHandshakeException.class,
                        "the broker's certificate is not trusted: it does not chain to a certificate in the JVM's "
                                + "default trust store"),
                () -> server.assertPublishFails("tls-wrong-host", QUEUE, TlsHandshakeException.class,
                        "the broker's certificate does not name the host connected to"),
                () -> server.assertPublishFails("tls-v11", QUEUE, TlsHandshakeException.class,
                        "no TLS protocol version is acceptable to both sides: tlsProtocols allows TLSv1.1"),
                () -> server.assertPublishFails("tls-plain-port", QUEUE, TlsHandshakeException.class,
                        "the port does not speak TLS (Unsupported or unrecognized SSL message). Check that "
                                + "'addresses' names the broker's TLS port (usually 5671)."));
    }

    @Test
    void thePayaraServerScriptMakesAVerifiedTlsPoolWithItsPasswordFromAnAlias() throws Exception {
        int before = serverOnly.queueMessageCount(QUEUE);
        Map<String, String> answer = server.publish("rabbitmq/orders", QUEUE);

        assertAll(() -> assertEquals("published", answer.get("outcome"), answer.toString()),
                () -> assertEquals(before + 1, serverOnly.queueMessageCount(QUEUE)),
                () -> assertTrue(serverOnly.rabbitmqctl("list_connections", "client_properties", "ssl").lines()
                        .anyMatch(line -> line.contains("orders-app-tls (publish)") && line.contains("true")),
                        "the script's pool connects over TLS"));
    }

    @Test
    void withHostnameVerificationOffAHostTheCertificateDoesNotNameConnectsAndTheLogWarns() throws Exception {
        int before = serverOnly.queueMessageCount(QUEUE);
        Map<String, String> unverifiedHost = publishOnce("tls-unverified-host");

        assertAll(() -> assertEquals("published", unverifiedHost.get("outcome"), unverifiedHost.toString()),
                () -> assertEquals(before + 1, serverOnly.queueMessageCount(QUEUE)),
                () -> assertTrue(server.log().contains("does NOT verify the server's host name"),
                        "no warning about verifyHostname=false"));
    }

    @Test
    void aBrokerRequiringClientCertificatesTakesOnlyPoolsThatPresentOne() throws Exception {
        Map<String, String> withCertificate = server.publish("java:app/rabbitmq/mutual-external", QUEUE);
        Map<String, String> withoutCertificate = server.publish("java:app/rabbitmq/mutual-no-certificate", QUEUE);

        assertAll(() -> assertEquals("published", withCertificate.get("outcome"), withCertificate.toString()),
                () -> assertEquals(1, mutual.queueMessageCount(QUEUE)),
                () -> assertEquals(TlsHandshakeException.class.getName(), withoutCertificate.get("exception"),
                        withoutCertificate.toString()),
                () -> assertTrue(withoutCertificate.get("message").contains("wanted one")
                                || withoutCertificate.get("message").contains("may require a client certificate"),
                        withoutCertificate.get("message")));
    }

    @Test
    void aMessageDrivenBeanConsumesOverMutualTlsLoggedInByItsCertificate() throws Exception {
        BrokerClient.publish(mutual, CONSUMED, "tls", 20, i -> null);

        int processed = Poll.until(Duration.ofSeconds(30), () -> Integer.parseInt(server.get(
                "api/probe/deliveries?listener=" + CONSUMED).get("distinctProcessed")), count -> count >= 20);
        assertAll(() -> assertEquals(20, processed, "messages the bean processed over TLS"),
                () -> assertTrue(isExternalTlsLogin(mutual, "it-tls-bean (consume)"),
                        "the bean's connection is not an EXTERNAL login over TLS"));
    }

    @Test
    void theJmsFaceConnectsOverTlsOnlyToTheHostTheCertificateNames() throws Exception {
        int before = serverOnly.queueMessageCount(QUEUE);

        Map<String, String> verified = server.post("api/connect/jms?factory=java:app/rabbitmq/jms-tls-verified"
                + "&queue=" + QUEUE);
        Map<String, String> wrongHost = server.post("api/connect/jms?factory=java:app/rabbitmq/jms-tls-wrong-host"
                + "&queue=" + QUEUE);

        assertAll(() -> assertEquals("sent", verified.get("outcome"), verified.toString()),
                () -> assertEquals(before + 1, serverOnly.queueMessageCount(QUEUE)),
                () -> assertTrue(serverOnly.rabbitmqctl("list_connections", "client_properties", "ssl").lines()
                        .anyMatch(line -> line.contains("it-jms-tls (publish)") && line.contains("true")),
                        "the JMS pool's connection is not a TLS connection"),
                () -> assertEquals("failed", wrongHost.get("outcome"), wrongHost.toString()),
                () -> assertTrue(wrongHost.get("chain").contains("TlsHandshakeException")
                        && wrongHost.get("message").contains("the broker's certificate does not name the host "
                        + "connected to"), wrongHost.toString()));
    }

    private static Map<String, String> publishOnce(String pool) throws Exception {
        return server.publish("java:app/rabbitmq/" + pool, QUEUE);
    }

    /** @return whether the broker lists the named connection as a TLS connection logged in by the certificate */
    private static boolean isExternalTlsLogin(RabbitNode node, String connectionName) {
        return node.rabbitmqctl("list_connections", "client_properties", "user", "auth_mechanism", "ssl").lines()
                .anyMatch(line -> line.contains(connectionName) && line.contains(TestCertificates.CLIENT_COMMON_NAME)
                        && line.contains("EXTERNAL") && line.contains("true"));
    }

    private static List<ConnectorPool> pools() {
        TestCertificates certificates = serverOnly.certificates();
        TestCertificates clientRequired = mutual.certificates();
        Map<String, String> tlsAt = Map.of("addresses", "127.0.0.1:" + serverOnly.tlsPort(), "useTls", "true");
        Map<String, String> otherNameAt = Map.of("addresses", OTHER_NAME + ":" + serverOnly.tlsPort(),
                "useTls", "true");
        Map<String, String> trust = Map.of("trustStore", certificates.trustStore().toString(),
                "trustStorePassword", certificates.trustStorePassword());
        Map<String, String> mutualAt = Map.of("addresses", "127.0.0.1:" + mutual.tlsPort(), "useTls", "true",
                "trustStore", clientRequired.trustStore().toString(),
                "trustStorePassword", clientRequired.trustStorePassword());
        return List.of(
                pool("tls-verified", tlsAt, trust),
                pool("tls-external", tlsAt, trust, Map.of("keyStore", certificates.keyStore().toString(),
                        "keyStorePassword", certificates.keyStorePassword(), "saslMechanism", "EXTERNAL",
                        "connectionName", "it-external")),
                pool("tls-unverified-host", otherNameAt, trust, Map.of("verifyHostname", "false")),
                pool("tls-untrusted", tlsAt),
                pool("tls-wrong-host", otherNameAt, trust),
                pool("tls-v11", tlsAt, trust, Map.of("tlsProtocols", "TLSv1.1")),
                pool("tls-plain-port", Map.of("addresses", "127.0.0.1:" + serverOnly.amqpPort(), "useTls", "true"),
                        trust),
                pool("mutual-external", mutualAt, Map.of("keyStore", clientRequired.keyStore().toString(),
                        "keyStorePassword", clientRequired.keyStorePassword(), "saslMechanism", "EXTERNAL")),
                pool("mutual-no-certificate", mutualAt),
                pool("jms-tls-verified", tlsAt, trust, Map.of("connectionName", "it-jms-tls")).asJms(),
                pool("jms-tls-wrong-host", otherNameAt, trust).asJms());
    }

    private static String ejbJar() {
        TestCertificates clientRequired = mutual.certificates();
        return EjbJarXml.of(EjbJarXml.adding("TlsListener", ConfiguredListener.class, Map.of("queue", CONSUMED,
                "declareQueue", "true", "addresses", "127.0.0.1:" + mutual.tlsPort(), "useTls", "true",
                "trustStore", clientRequired.trustStore().toString(),
                "trustStorePassword", clientRequired.trustStorePassword(),
                "keyStore", clientRequired.keyStore().toString(),
                "keyStorePassword", clientRequired.keyStorePassword(), "saslMechanism", "EXTERNAL",
                "connectionName", "it-tls-bean")));
    }
}
