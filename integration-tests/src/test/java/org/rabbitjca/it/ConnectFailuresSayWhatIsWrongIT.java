// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabbitjca.api.BrokerBlockedException;
import org.rabbitjca.api.BrokerUnreachableException;
import org.rabbitjca.api.InvalidConfigurationException;
import org.rabbitjca.api.LoginRefusedException;
import org.rabbitjca.api.VirtualHostRefusedException;
import org.rabbitjca.it.beans.InvalidConfigListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.EjbJarXml;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.FaultProxy;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.ConnectorPool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rabbitjca.it.support.ProbedServer.pool;

/**
 * Every way a connection can fail gives its own exception and message, in Payara Micro, through pools configured
 * in a descriptor as users configure them: broker unreachable, login refused, virtual host missing, DNS failure,
 * connection timeout; a circuit breaker that fails callers at once while reconnect attempts back off; a heartbeat
 * that declares a silent peer dead; a broker blocking publishers; message-driven beans logging the same texts; and
 * the password used nowhere in the log or in what callers got. Broker and network faults come from nodes and fault
 * proxies of this test's own; the DNS failure sends nothing beyond loopback (see {@link ProbedServer}). TLS
 * failures: {@link TlsConnectionsIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectFailuresSayWhatIsWrongIT {

    private static final String QUEUE = "it.connect";
    private static final String WRONG_PASSWORD = "wrong-pw-IT-7d3f";
    private static final int HEARTBEAT_SECONDS = 2;
    private static final int DEAD_PORT = deadPort();
    private static final long BEAN_MAX_DELAY_MILLIS = 800;
    /** Timer and WorkManager hand-over on a loaded machine. */
    private static final long SCHEDULING_TOLERANCE_MILLIS = 300;

    private static RabbitNode plain;
    private static RabbitNode alarmed;
    private static FaultProxy frozen;
    private static FaultProxy refusing;
    private static FaultProxy heartbeat;
    private static FaultProxy beanLogins;
    private static ProbedServer server;

    @BeforeAll
    static void startBrokersAndServer() throws Exception {
        CompletableFuture<RabbitNode> alarmedNode = CompletableFuture.supplyAsync(RabbitNode::start);
        plain = RabbitNode.start();
        alarmed = alarmedNode.join();
        BrokerClient.declareEmpty(plain, QUEUE, Map.of());
        BrokerClient.declareEmpty(alarmed, QUEUE, Map.of());
        frozen = FaultProxy.start(plain.amqpPort());
        frozen.freeze();
        refusing = FaultProxy.start(plain.amqpPort());
        refusing.refuseNewConnections(true);
        heartbeat = FaultProxy.start(plain.amqpPort());
        beanLogins = FaultProxy.start(plain.amqpPort());
        server = ProbedServer.named("connect-failures").adapterPort(plain.amqpPort()).pools(pools())
                .beans(InvalidConfigListener.class).ejbJar(ejbJar()).start();
    }

    /** Runs after every other test of the class: no password is in the server's log or in any probe answer. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noPasswordIsInTheServersLogOrInAnyProbeAnswer() throws Exception {
        server.assertNoneIn(List.of(WRONG_PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {server, beanLogins, heartbeat, refusing, frozen, alarmed,
                plain}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void eachConnectFailureHasItsOwnExceptionAndMessage() throws Exception {
        String where = "(virtual host '/', user 'guest')";
        assertAll(() -> server.assertPublishFails("unreachable", QUEUE, BrokerUnreachableException.class,
                        "Cannot reach the broker at 127.0.0.1:" + DEAD_PORT + " " + where + ": connection refused. Is "
                                + "RabbitMQ running and listening on that address and port?"),
                () -> server.assertPublishFails("login", QUEUE, LoginRefusedException.class,
                        "Login refused by the broker at 127.0.0.1:" + plain.amqpPort() + " " + where
                                + " with mechanism PLAIN"),
                () -> server.assertPublishFails("vhost", QUEUE, VirtualHostRefusedException.class,
                        "Virtual host 'no-such-vhost' does not exist or user 'guest' may not use it"),
                () -> server.assertPublishFails("dns", QUEUE, BrokerUnreachableException.class,
                        "Cannot resolve the host name in 'addresses' (no-such-host.test:5672)"),
                () -> server.assertPublishFails("timeout", QUEUE, BrokerUnreachableException.class,
                        "Timed out after 1500 ms connecting to the broker at " + frozen.addresses()));
    }

    @Test
    void aPoolWithInvalidPropertiesIsNamedAndEveryProblemListedAtOnce() throws Exception {
        Map<String, String> answer = publishOnce("invalid");
        String message = answer.getOrDefault("message", "");
        assertAll(() -> assertEquals(InvalidConfigurationException.class.getName(), answer.get("exception"),
                        answer.toString()),
                () -> assertTrue(message.startsWith("Invalid rabbitmq-jca configuration of connection pool "
                        + "'it-invalid' at 127.0.0.1:" + plain.amqpPort() + ",,: "), message),
                () -> assertTrue(message.contains("addresses '127.0.0.1:" + plain.amqpPort() + ",,' has an empty "
                        + "entry"), message),
                () -> assertTrue(message.contains("requestedHeartbeatSeconds is -1"), message),
                () -> assertTrue(message.contains("confirmTimeoutMillis is 0"), message),
                () -> assertTrue(!message.contains("max-pool-size"), "no exhausted-pool hint: " + message));
    }

    @Test
    void whileTheBrokerIsDownCallersFailAtOnceAndAttemptsBackOff() throws Exception {
        long containerWarningsBefore = breakerPoolWarnings();
        Map<String, String> hammered = server.post("api/connect/repeatedly?factory=java:app/rabbitmq/breaker"
                + "&queue=" + QUEUE + "&millis=4000");
        List<Instant> attempts = refusing.connectionAttempts();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
        }
        System.out.printf("circuit breaker: %s calls in 4 s, %s failed at once; %d connection attempts, gaps %s ms "
                + "(backoff 400 ms doubling to 1600 ms, jitter +-25 %%)%n", hammered.get("calls"),
                hammered.get("failedAtOnce"), attempts.size(), gaps);

        int calls = Integer.parseInt(hammered.get("calls"));
        int failedAtOnce = Integer.parseInt(hammered.get("failedAtOnce"));
        long containerWarnings = breakerPoolWarnings() - containerWarningsBefore;
        assertAll(() -> assertTrue(containerWarnings <= attempts.size() + 1, "Payara logged RAR5117 "
                        + containerWarnings + " times for " + attempts.size() + " attempts and " + calls + " calls: "
                        + "calls that fail at once must not reach the container's pool"),
                () -> assertTrue(calls >= 50, "only " + calls + " calls in 4 s"),
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
        Map<String, String> lost = server.post("api/connect/until-lost?factory=java:app/rabbitmq/heartbeat"
                + "&queue=" + QUEUE + "&millis=30000");
        heartbeat.thaw();
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

    @Test
    void aBeanRetryingARefusedLoginKeepsWithinTheBackoffCap() throws Exception {
        List<Instant> attempts = Poll.until(Duration.ofSeconds(40), beanLogins::connectionAttempts,
                seen -> seen.size() >= 10);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
        }
        System.out.printf("bean login retries, backoff 200 ms doubling to %d ms (jitter -25 %%..+25 %%, never "
                + "beyond the cap): gaps %s ms%n",
                BEAN_MAX_DELAY_MILLIS, gaps);

        long allowed = BEAN_MAX_DELAY_MILLIS + SCHEDULING_TOLERANCE_MILLIS; // jitter never goes beyond the cap
        assertTrue(attempts.size() >= 10, "only " + attempts.size() + " login attempts in 40 s");
        assertTrue(gaps.stream().allMatch(gap -> gap <= allowed), "a wait beyond the cap of "
                + BEAN_MAX_DELAY_MILLIS + " ms + " + SCHEDULING_TOLERANCE_MILLIS + " ms: " + gaps);
    }

    /** @return how often Payara logged RAR5117 (a failed channel creation) for the breaker pool so far */
    private static long breakerPoolWarnings() throws Exception {
        return server.log().lines().filter(line -> line.contains("RAR5117")
                && line.contains("(name=java:app/breaker)")).count();
    }

    private static Map<String, String> record(List<Map<String, String>> answers, Map<String, String> answer) {
        answers.add(answer);
        return answer;
    }

    @Test
    void messageDrivenBeansThatCannotConnectLogTheSameTexts() throws Exception {
        String unreachable = "connection refused. Is RabbitMQ running";
        String loginRefused = "Login refused by the broker at 127.0.0.1:" + plain.amqpPort();
        List<String> beanLines = Poll.until(Duration.ofSeconds(30), () -> server.log().lines()
                        .filter(line -> line.contains("message-driven bean '") && line.contains("not consuming queue"))
                        .toList(),
                lines -> lines.stream().anyMatch(line -> line.contains(unreachable))
                        && lines.stream().anyMatch(line -> line.contains(loginRefused)));
        assertAll(() -> assertTrue(beanLines.stream().anyMatch(line -> line.contains(unreachable)),
                        "no bean line with: " + unreachable + "\n" + beanLines),
                () -> assertTrue(beanLines.stream().anyMatch(line -> line.contains(loginRefused)),
                        "no bean line with: " + loginRefused + "\n" + beanLines));
    }

    private static Map<String, String> publishOnce(String pool) throws Exception {
        return server.publish("java:app/rabbitmq/" + pool, QUEUE);
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort(); // closed at once: nothing listens there afterwards
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<ConnectorPool> pools() {
        return List.of(
                pool("unreachable", Map.of("addresses", "127.0.0.1:" + DEAD_PORT)),
                pool("invalid", Map.of("addresses", "127.0.0.1:" + plain.amqpPort() + ",,", "connectionName",
                        "it-invalid", "requestedHeartbeatSeconds", "-1", "confirmTimeoutMillis", "0")),
                pool("login", Map.of("password", WRONG_PASSWORD)),
                pool("vhost", Map.of("virtualHost", "no-such-vhost")),
                pool("dns", Map.of("addresses", "no-such-host.test:5672")),
                pool("timeout", Map.of("addresses", frozen.addresses(), "connectionTimeoutMillis", "1500")),
                pool("breaker", Map.of("addresses", refusing.addresses(), "reconnectInitialDelayMillis", "400",
                        "reconnectMaxDelayMillis", "1600")),
                pool("blocked", Map.of("addresses", "127.0.0.1:" + alarmed.amqpPort(),
                        "confirmTimeoutMillis", "1500")),
                pool("heartbeat", Map.of("addresses", heartbeat.addresses(),
                        "requestedHeartbeatSeconds", String.valueOf(HEARTBEAT_SECONDS),
                        "confirmTimeoutMillis", "1000", "reconnectInitialDelayMillis", "200")));
    }

    private static String ejbJar() {
        return EjbJarXml.of(
                EjbJarXml.overriding("InvalidConfigListener", Map.of("queue", QUEUE, "addresses",
                        "127.0.0.1:" + DEAD_PORT)),
                EjbJarXml.adding("WrongPasswordListener", InvalidConfigListener.class,
                        Map.of("queue", QUEUE, "password", WRONG_PASSWORD)),
                EjbJarXml.adding("BackoffListener", InvalidConfigListener.class,
                        Map.of("queue", QUEUE, "password", WRONG_PASSWORD, "addresses", beanLogins.addresses(),
                                "connectionName", "it-backoff", "reconnectInitialDelayMillis", "200",
                                "reconnectMaxDelayMillis", String.valueOf(BEAN_MAX_DELAY_MILLIS))));
    }
}
