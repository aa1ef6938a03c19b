// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.sample.it.invalid.EmptyQueueListener;
import org.rabbitjca.sample.it.invalid.MissingQueueListener;
import org.rabbitjca.sample.it.support.PayaraMicroProcess;
import org.rabbitjca.sample.it.support.PostBootCommands;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message-driven bean whose {@code queue} activation property is missing or empty is refused at deployment, with
 * a message naming the property and how to set it. Both wars go to one Payara Micro; each fails on its own.
 */
@ExtendWith(RabbitNodeExtension.class)
class InvalidActivationFailsDeploymentIT {

    @Test
    void aMissingOrEmptyQueueFailsTheDeploymentNamingTheProperty(RabbitNode node) throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), "invalid-activation"));
        Path missing = war(workDir, "missing-queue", MissingQueueListener.class);
        Path empty = war(workDir, "empty-queue", EmptyQueueListener.class);

        String log;
        try (PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(workDir,
                PostBootCommands.commands(node.amqpPort()), List.of(missing, empty), Duration.ofMinutes(3))) {
            log = micro.log();
        }

        String finalLog = log;
        String refusal = "activation property 'queue' is missing or empty; name the queue to consume from: "
                + "@ActivationConfigProperty(propertyName = \"queue\"";
        assertAll(() -> assertTrue(finalLog.contains("'domain1_server_missing-queue_missing-queue_"
                        + MissingQueueListener.class.getName() + "': " + refusal), "missing queue"),
                () -> assertTrue(finalLog.contains("'domain1_server_empty-queue_empty-queue_"
                        + EmptyQueueListener.class.getName() + "': " + refusal), "empty queue"),
                () -> assertFalse(finalLog.contains("missing-queue was successfully deployed"), "missing deployed"),
                () -> assertFalse(finalLog.contains("empty-queue was successfully deployed"), "empty deployed"),
                () -> assertTrue(finalLog.contains("rabbitmq-jca was successfully deployed"), "the adapter"));
    }

    private static Path war(Path workDir, String name, Class<?> listener) {
        Path file = workDir.resolve(name + ".war");
        ShrinkWrap.create(WebArchive.class, name + ".war").addClass(listener).as(ZipExporter.class)
                .exportTo(file.toFile(), true);
        return file;
    }
}
