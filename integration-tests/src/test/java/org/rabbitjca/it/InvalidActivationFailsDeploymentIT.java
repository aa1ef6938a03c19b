// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.it.beans.InvalidConfigListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.EjbJarXml;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.RunningServer;
import org.rabbitjca.testserver.ServerSetup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of bad activation config, set in {@code ejb-jar.xml}, fails its deployment with a message naming the
 * property, the bad value and what is allowed; a broker refusal (missing queue, conflicting declaration) fails it
 * with the broker's reason. Every war goes to one server; each fails on its own. (Open Liberty starts an application
 * without a bean that failed its activation: there the bean's activation fails, with the same message.) A war the
 * server refuses after its bean started is a test of its own, on Payara, whose refusals it counts.
 */
@ExtendWith(RabbitNodeExtension.class)
class InvalidActivationFailsDeploymentIT {

    /** War name, its activation config, and what its deployment failure must say. */
    private record Case(String war, Map<String, String> activationConfig, String expected) {
    }

    /** A user who may read and write but not configure, as operators give applications. */
    private static final String READ_WRITE_USER = "it-read-write";
    private static final String READ_WRITE_PASSWORD = "it-read-write-pw";
    private static final String READ_WRITE_QUEUE = "it.read-write";
    /** Its queue with the retry and dead-letter queues an operator created: the bean consumes it. */
    private static final String OPERATOR_MADE_QUEUE = "it.operator-made";
    /** The adapter's default maxConcurrency: how many workers of the refused war's bean ask for an endpoint at once. */
    private static final int DEFAULT_MAX_CONCURRENCY = 10;
    /** The queue of a bean whose war Payara refuses. */
    private static final String FAILED_APP_QUEUE = "it.failed-app";

    private static final String MISSING_QUEUE = "activation property 'queue' is missing or empty; name the queue to "
            + "consume from: @ActivationConfigProperty(propertyName = \"queue\", propertyValue = \"orders\")";

    private static final List<Case> CASES = List.of(
            new Case("missing-queue", Map.of(), MISSING_QUEUE),
            new Case("empty-queue", Map.of("queue", ""), MISSING_QUEUE),
            new Case("unknown-queue-type", Map.of("queue", "it.invalid", "declareQueue", "true", "queueType", "stream"),
                    "queueType is 'stream' but must be one of classic, quorum"),
            new Case("negative-prefetch", Map.of("queue", "it.invalid", "prefetchCount", "-1"),
                    "prefetchCount is -1 but must be between 1 and 65535"),
            new Case("zero-concurrency", Map.of("queue", "it.invalid", "maxConcurrency", "0"),
                    "maxConcurrency is 0 but must be at least 1"),
            new Case("zero-attempts", Map.of("queue", "it.invalid", "maxAttempts", "0"),
                    "maxAttempts is 0 but must be at least 1"),
            new Case("every-level-at-once", Map.of("queue", "it.invalid", "prefetchCount", "-1", "maxConcurrency",
                    "20", "requestedHeartbeatSeconds", "-5"),
                    "prefetchCount is -1 but must be between 1 and 65535 (unacknowledged messages the broker sends "
                            + "ahead); requestedHeartbeatSeconds is -5 but must be between 0 and 65535 (seconds; 0 "
                            + "turns heartbeats off)"),
            new Case("absent-queue", Map.of("queue", "it.absent"),
                    "cannot consume queue 'it.absent' in virtual host '/' at 127.0.0.1:PORT: consuming queue "
                            + "'it.absent' was refused: 404 NOT_FOUND - no queue 'it.absent' in vhost '/'. Create the "
                            + "queue, or set declareQueue=true to let the adapter declare it."),
            new Case("conflicting-queue", Map.of("queue", "it.conflict", "declareQueue", "true"),
                    "cannot consume queue 'it.conflict' in virtual host '/' at 127.0.0.1:PORT: declaring queue "
                            + "'it.conflict' was refused: 406 PRECONDITION_FAILED - inequivalent arg 'x-max-length'"),
            new Case("no-configure-permission", Map.of("queue", READ_WRITE_QUEUE, "username", READ_WRITE_USER,
                    "password", READ_WRITE_PASSWORD),
                    "declaring retry queue '" + READ_WRITE_QUEUE + ".retry.1000ms' was refused: 403 ACCESS_REFUSED - "
                            + "access to queue '" + READ_WRITE_QUEUE + ".retry.1000ms' in vhost '/' refused for user '"
                            + READ_WRITE_USER + "'. User '" + READ_WRITE_USER + "' needs the configure permission on "
                            + "it in virtual host '/' (rabbitmqctl set_permissions), or create the retry and "
                            + "dead-letter queues yourself and set declareRetryQueues=false."),
            new Case("retry-queues-missing", Map.of("queue", READ_WRITE_QUEUE, "username", READ_WRITE_USER,
                    "password", READ_WRITE_PASSWORD, "declareRetryQueues", "false"),
                    "checking that retry queue '" + READ_WRITE_QUEUE + ".retry.1000ms' exists "
                            + "(declareRetryQueues=false) was refused: 404 NOT_FOUND - no queue '" + READ_WRITE_QUEUE
                            + ".retry.1000ms' in vhost '/'. Create it (durable, with the arguments the configuration "
                            + "reference gives), or set declareRetryQueues=true to let the adapter declare it."));


    private static final Case OPERATOR_MADE = new Case("operator-made-queues", Map.of("queue", OPERATOR_MADE_QUEUE,
            "username", READ_WRITE_USER, "password", READ_WRITE_PASSWORD, "declareRetryQueues", "false",
            "maxAttempts", "2"), "");

    @Test
    @Portable
    void eachBadActivationConfigFailsItsDeploymentSayingWhatIsWrong(RabbitNode node) throws Exception {
        Path workDir = ProbedServer.workDir("invalid-activation");
        BrokerClient.declareEmpty(node, "it.conflict", Map.of("x-max-length", 10));
        BrokerClient.declareEmpty(node, READ_WRITE_QUEUE, null);
        BrokerClient.declareEmpty(node, OPERATOR_MADE_QUEUE, null);
        BrokerClient.declareEmpty(node, OPERATOR_MADE_QUEUE + ".retry.1000ms", Map.of("x-message-ttl", 1000,
                "x-dead-letter-exchange", "", "x-dead-letter-routing-key", OPERATOR_MADE_QUEUE));
        BrokerClient.declareEmpty(node, OPERATOR_MADE_QUEUE + ".dlq", null);
        node.rabbitmqctl("add_user", READ_WRITE_USER, READ_WRITE_PASSWORD);
        node.rabbitmqctl("set_permissions", "-p", "/", READ_WRITE_USER, "^$", ".*", ".*");
        List<Application> wars = new ArrayList<>();
        for (Case bad : CASES) {
            wars.add(war(bad));
        }
        wars.add(war(OPERATOR_MADE));

        String log;
        Map<String, Boolean> activated = new LinkedHashMap<>();
        Map<String, List<Integer>> consumersOn;
        try (RunningServer server = ProbedServer.launcher().start(ServerSetup.of(workDir,
                ServerSetup.adapterFor(node.amqpPort(), ProbedServer.ADAPTER_CONNECTION_NAME), wars))) {
            log = server.log();
            consumersOn = node.queueCounts("consumers");
            wars.forEach(war -> activated.put(war.name(), server.beansActivated(war.name())));
        }

        Map<String, String> wrong = new LinkedHashMap<>();
        for (Case bad : CASES) {
            String expected = bad.expected().replace("PORT", String.valueOf(node.amqpPort()));
            String endpoint = "message-driven bean '" + InvalidConfigListener.class.getName() + "'";
            boolean reported = log.lines().anyMatch(line -> line.contains(endpoint) && line.contains(expected));
            boolean wasActivated = activated.get(bad.war());
            if (!reported || wasActivated) {
                wrong.put(bad.war(), (wasActivated ? "activated" : "not activated") + (reported ? "" : ", but no line "
                        + "has " + endpoint + " with: " + expected));
            }
        }
        assertEquals(Map.of(), wrong, "deployments (beans) that did not fail as expected; the server's log is in "
                + workDir);
        assertTrue(activated.get(OPERATOR_MADE.war()), "a user without the configure "
                + "permission consumes once an operator made the retry and dead-letter queues; log in " + workDir);
        assertEquals(List.of(1), consumersOn.get(OPERATOR_MADE_QUEUE), "the bean consumed " + OPERATOR_MADE_QUEUE);
    }

    /**
     * Payara refuses a war whose pool has max-pool-size 0 after its bean was activated, and then refuses the adapter
     * the bean's endpoints (RAR7004): the bean must hold no message and back off instead of asking in a loop.
     */
    @Test
    void aWarRefusedAfterItsBeanStartedHoldsNoMessageAndIsNotAskedInALoop(RabbitNode node) throws Exception {
        BrokerClient.declareEmpty(node, FAILED_APP_QUEUE, null);
        BrokerClient.publish(node, FAILED_APP_QUEUE, "failed-app", 50, i -> null);

        List<Integer> failedApp;
        long endpointRefusals;
        try (RunningServer server = ProbedServer.launcher().start(ServerSetup.of(ProbedServer.workDir("refused-war"),
                ServerSetup.adapterFor(node.amqpPort(), ProbedServer.ADAPTER_CONNECTION_NAME),
                List.of(refusedWar())))) {
            long refusedSince = System.nanoTime();
            failedApp = Poll.until(Duration.ofSeconds(30), () -> queueState(node, FAILED_APP_QUEUE),
                    state -> state.equals(List.of(0, 50, 0)));
            System.out.printf("refused war: its queue %s (consumers, ready, unacknowledged) %d ms after the server "
                    + "was ready%n", failedApp, Duration.ofNanos(System.nanoTime() - refusedSince).toMillis());
            endpointRefusals = server.endpointRefusals();
        }
        assertEquals(List.of(0, 50, 0), failedApp, "the refused war's bean consumes nothing and holds no message: "
                + "consumers, ready, unacknowledged of " + FAILED_APP_QUEUE);
        // One refusal per worker that had a delivery (maxConcurrency), then one per restart, which backs off from
        // reconnectInitialDelayMillis: the first restart may come before the count; a loop would show hundreds.
        assertTrue(endpointRefusals <= DEFAULT_MAX_CONCURRENCY + 2, "Payara refused "
                + endpointRefusals + " endpoints (RAR7004): the adapter must back off, not retry in a loop");
    }

    /**
     * A war Payara refuses after its bean was activated: its pool has max-pool-size 0. Its bean consumes
     * {@value #FAILED_APP_QUEUE}, which holds 50 messages.
     */
    private static Application refusedWar() {
        WebArchive archive = ShrinkWrap.create(WebArchive.class).addClass(InvalidConfigListener.class)
                .addAsWebInfResource(new StringAsset(EjbJarXml.of(EjbJarXml.overriding("InvalidConfigListener",
                        Map.of("queue", FAILED_APP_QUEUE)))), "ejb-jar.xml");
        return Application.of("refused-pool", archive, List.of(ConnectorPool.of("refused-pool",
                "java:app/rabbitmq/refused", 0, 1_000, Map.of())));
    }

    /** @return consumers, ready and unacknowledged messages of the queue */
    private static List<Integer> queueState(RabbitNode node, String queue) {
        List<Integer> state = node.queueCounts("consumers", "messages_ready", "messages_unacknowledged").get(queue);
        if (state == null) {
            throw new AssertionError("no queue " + queue);
        }
        return state;
    }

    private static Application war(Case bad) {
        WebArchive archive = ShrinkWrap.create(WebArchive.class).addClass(InvalidConfigListener.class)
                .addAsWebInfResource(new StringAsset(EjbJarXml.of(EjbJarXml.overriding(
                        "InvalidConfigListener", bad.activationConfig()))), "ejb-jar.xml");
        return Application.of(bad.war(), archive, List.of());
    }
}
