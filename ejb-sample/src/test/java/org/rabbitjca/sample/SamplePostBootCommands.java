// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.BuildProperties;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.payara.AdminCommands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the post-boot command file that Arquillian's Payara Micro runs before deploying the sample
 * ({@code arquillian.xml}): the adapter configured for the run's private node, then deployed. Runs after
 * {@link RabbitNodeExtension} started the node and before Arquillian starts Micro.
 */
public final class SamplePostBootCommands implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path workDir = Files.createDirectories(BuildProperties.requiredPath("rabbitjca.workdir"));
        Files.write(workDir.resolve("postboot.asadmin"), AdminCommands.POST_BOOT_FILE.deployAdapter(
                BuildProperties.requiredPath("rabbitjca.rar"),
                ServerSetup.adapterFor(RabbitNodeExtension.sharedNode().amqpPort(), "rabbitmq-jca-sample-it")));
    }
}
