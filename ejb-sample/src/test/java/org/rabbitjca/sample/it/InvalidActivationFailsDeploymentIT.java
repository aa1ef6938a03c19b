// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.sample.it.invalid.InvalidConfigListener;
import org.rabbitjca.sample.it.support.BrokerClient;
import org.rabbitjca.sample.it.support.EjbJarXml;
import org.rabbitjca.sample.it.support.PostBootCommands;
import org.rabbitjca.testbroker.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each kind of bad activation config, set in {@code ejb-jar.xml}, fails its deployment with a message naming the
 * property, the bad value and what is allowed; a broker refusal (missing queue, conflicting declaration) fails it
 * with the broker's reason. Every war goes to one Payara Micro; each fails on its own.
 */
@ExtendWith(RabbitNodeExtension.class)
class InvalidActivationFailsDeploymentIT {

    /** War name, its activation config, and what its deployment failure must say. */
    private record Case(String war, Map<String, String> activationConfig, String expected) {
    }

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
            new Case("absent-queue", Map.of("queue", "it.absent"),
                    "cannot consume queue 'it.absent' in virtual host '/' at 127.0.0.1:PORT: 404 NOT_FOUND - no queue "
                            + "'it.absent' in vhost '/'"),
            new Case("conflicting-queue", Map.of("queue", "it.conflict", "declareQueue", "true"),
                    "cannot consume queue 'it.conflict' in virtual host '/' at 127.0.0.1:PORT: 406 PRECONDITION_FAILED"
                            + " - inequivalent arg 'x-max-length'"));

    @Test
    void eachBadActivationConfigFailsItsDeploymentSayingWhatIsWrong(RabbitNode node) throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), "invalid-activation"));
        BrokerClient.declareEmpty(node, "it.conflict", Map.of("x-max-length", 10));
        List<Path> wars = new ArrayList<>();
        for (Case bad : CASES) {
            wars.add(war(workDir, bad));
        }

        String log;
        try (PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(
                Path.of(System.getProperty("payara.micro.jar")), workDir,
                PostBootCommands.commands(node.amqpPort()), wars, Duration.ofMinutes(3))) {
            log = micro.log();
        }

        Map<String, String> wrong = new LinkedHashMap<>();
        for (Case bad : CASES) {
            String expected = bad.expected().replace("PORT", String.valueOf(node.amqpPort()));
            String endpoint = "message-driven bean 'domain1_server_" + bad.war() + "_" + bad.war() + "_"
                    + InvalidConfigListener.class.getName() + "'";
            boolean reported = log.lines().anyMatch(line -> line.contains(endpoint) && line.contains(expected));
            boolean deployed = log.contains(bad.war() + " was successfully deployed");
            if (!reported || deployed) {
                wrong.put(bad.war(), (deployed ? "deployed" : "not deployed") + (reported ? "" : ", but no line has "
                        + endpoint + " with: " + expected));
            }
        }
        assertEquals(Map.of(), wrong, "deployments that did not fail as expected; Micro's log is in " + workDir);
    }

    private static Path war(Path workDir, Case bad) {
        Path file = workDir.resolve(bad.war() + ".war");
        ShrinkWrap.create(WebArchive.class, bad.war() + ".war").addClass(InvalidConfigListener.class)
                .addAsWebInfResource(new StringAsset(EjbJarXml.of(EjbJarXml.overriding(
                        "InvalidConfigListener", bad.activationConfig()))), "ejb-jar.xml")
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
