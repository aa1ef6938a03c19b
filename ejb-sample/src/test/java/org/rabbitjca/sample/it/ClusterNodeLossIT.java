// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.rabbitjca.sample.it.app.CountingListener;
import org.rabbitjca.sample.it.app.DeliveryLog;
import org.rabbitjca.sample.it.failures.ConnectProbe;
import org.rabbitjca.sample.it.support.BrokerClient;
import org.rabbitjca.sample.it.support.EjbJarXml;
import org.rabbitjca.sample.it.support.Poll;
import org.rabbitjca.testbroker.Http;
import org.rabbitjca.testbroker.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitCluster;
import org.rabbitjca.testbroker.RabbitNode;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A three-node cluster loses the node the adapter is connected to (kill -9) while a bean publishes with confirms to
 * a quorum queue and a message-driven bean consumes another: publishing resumes on a surviving node within the
 * backoff cap, every confirmed message is in the queue afterwards, and the bean gets every message. The adapter
 * lists the nodes in order without shuffling, so both its connections start on the node that is killed.
 */
class ClusterNodeLossIT {

    private static final String PUBLISHED = "it.failover.published";
    private static final String POOL = "java:app/rabbitmq/failover";

    @Test
    void publishingAndConsumingGoOnAfterTheConnectedNodeDiesAndNoConfirmedMessageIsLost() throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("rabbitjca.workdir"), "cluster-node-loss"));
        try (RabbitCluster cluster = RabbitCluster.start(3)) {
            RabbitNode doomed = cluster.nodes().get(0);
            RabbitNode survivor = cluster.nodes().get(1);
            BrokerClient.declareEmpty(survivor, PUBLISHED, Map.of("x-queue-type", "quorum"));
            try (PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(
                    Path.of(System.getProperty("payara.micro.jar")), workDir, adapterCommands(cluster),
                    List.of(war(workDir)), Duration.ofMinutes(3))) {
                URL base = new URL("http://127.0.0.1:" + micro.httpPort() + "/cluster-node-loss/");
                BrokerClient.publish(survivor, CountingListener.QUEUE, "m", 100, i -> null);
                assertEquals(100, distinctProcessed(base, 100), "the bean did not consume before the loss");
                assertEquals(doomed.nodeName(), cluster.nodeServing("it-failover (consume)").nodeName());

                CompletableFuture<Map<String, String>> publishing = CompletableFuture.supplyAsync(() -> post(base,
                        "api/connect/steadily?factory=" + POOL + "&queue=" + PUBLISHED + "&millis=20000"));
                Poll.until(Duration.ofSeconds(10), () -> survivor.queueMessageCount(PUBLISHED), count -> count > 50);
                assertEquals(doomed.nodeName(), cluster.nodeServing("it-failover (publish)").nodeName());
                doomed.kill9();
                // The survivor nacks while the bean's queue elects a new leader: publish again until confirmed.
                assertTrue(Poll.until(Duration.ofSeconds(30), () -> publishedAfterLoss(survivor), done -> done),
                        "the survivor never confirmed 100 messages for the bean");
                Map<String, String> published = publishing.join();
                long confirmed = Long.parseLong(published.get("confirmed"));
                long failed = Long.parseLong(published.get("failed"));
                long outage = Long.parseLong(published.get("resumedMillis"))
                        - Long.parseLong(published.get("firstFailureMillis"));
                // A quorum queue's count reaches rabbitmqctl with a delay of a few seconds.
                int stored = Poll.until(Duration.ofSeconds(30), () -> survivor.queueMessageCount(PUBLISHED),
                        count -> count >= confirmed);
                int consumed = distinctProcessed(base, 200);
                if (consumed < 200) { // for the diagnosis: where the server's threads are
                    new ProcessBuilder("jcmd", String.valueOf(micro.pid()), "Thread.print")
                            .redirectOutput(workDir.resolve("threads.txt").toFile()).start().waitFor();
                }
                System.out.printf("node loss: %d confirmed, %d failed, publishing resumed %d ms after the first "
                        + "failure (%s); %d stored in the quorum queue; the bean processed %d of 200%n", confirmed,
                        failed, outage, published.get("firstFailure"), stored, consumed);

                assertAll(() -> assertTrue(failed > 0, "the loss went unnoticed: " + published),
                        () -> assertTrue(Long.parseLong(published.get("resumedMillis")) > 0,
                                "publishing never resumed: " + published),
                        () -> assertTrue(outage <= 15_000, "publishing resumed only " + outage + " ms later"),
                        () -> assertTrue(stored >= confirmed && stored <= confirmed + failed, stored + " stored for "
                                + confirmed + " confirmed and " + failed + " failed publishes"),
                        () -> assertEquals(200, consumed, "messages the bean processed after the loss"));
            }
        }
    }

    private static boolean publishedAfterLoss(RabbitNode survivor) throws Exception {
        try {
            BrokerClient.publish(survivor, CountingListener.QUEUE, "after", 100, i -> null);
            return true;
        } catch (IOException nacked) {
            return false;
        }
    }

    private static int distinctProcessed(URL base, int expected) throws Exception {
        return Poll.until(Duration.ofSeconds(60), () -> Integer.parseInt(Http.get(base, "api/deliveries?listener="
                + CountingListener.QUEUE).get("distinctProcessed")), count -> count >= expected);
    }

    private static Map<String, String> post(URL base, String pathAndQuery) {
        try {
            return Http.post(base, pathAndQuery, Duration.ofMinutes(2));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static List<String> adapterCommands(RabbitCluster cluster) {
        return List.of("create-resource-adapter-config --property addresses="
                        + cluster.addresses().replace(":", "\\:") + ":shuffleAddresses=false"
                        + ":reconnectMaxDelayMillis=2000:connectionName=it-failover rabbitmq-jca",
                "deploy --type rar --name rabbitmq-jca " + System.getProperty("rabbitjca.rar"));
    }

    private static Path war(Path workDir) {
        Path file = workDir.resolve("cluster-node-loss.war");
        ShrinkWrap.create(WebArchive.class, "cluster-node-loss.war")
                .addPackage(ConnectProbe.class.getPackage()).addClasses(CountingListener.class, DeliveryLog.class)
                .addAsWebInfResource(new StringAsset("""
                        <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN"
                                "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                        <resources>
                          <connector-connection-pool name="failover" resource-adapter-name="rabbitmq-jca"
                              connection-definition-name="org.rabbitjca.api.RabbitConnectionFactory"
                              steady-pool-size="0" max-pool-size="4" max-wait-time-in-millis="10000">
                            <property name="confirmTimeoutMillis" value="3000"/>
                          </connector-connection-pool>
                          <connector-resource jndi-name="java:app/rabbitmq/failover" pool-name="failover"/>
                        </resources>
                        """), "glassfish-resources.xml")
                .addAsWebInfResource(new StringAsset(EjbJarXml.of(EjbJarXml.overriding("CountingListener",
                        Map.of("queueType", "quorum")))), "ejb-jar.xml")
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
