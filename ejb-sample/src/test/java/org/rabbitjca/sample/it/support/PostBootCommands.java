// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rabbitjca.testbroker.PayaraMicroProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the post-boot command file Payara Micro runs before deploying the test war: configure the adapter for the
 * private node, then deploy rabbitmq-jca.rar. The same commands configure Payara Server with asadmin.
 */
public final class PostBootCommands implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path workDir = Path.of(requiredProperty("rabbitjca.workdir"));
        Files.createDirectories(workDir);
        Files.write(workDir.resolve("postboot.asadmin"), commands(MicroBrokerNode.amqpPort()));
    }

    /**
     * @param amqpPort the private node's AMQP port
     * @return the commands: adapter configuration for the node, then the adapter's deployment
     */
    public static List<String> commands(int amqpPort) {
        return PayaraMicroProcess.deployAdapterCommands(Path.of(requiredProperty("rabbitjca.rar")), amqpPort,
                "rabbitmq-jca-it");
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property '" + name + "' is not set; run the tests with Maven "
                    + "(mvn verify), whose failsafe configuration sets it");
        }
        return value;
    }
}
