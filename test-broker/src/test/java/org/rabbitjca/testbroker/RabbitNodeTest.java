// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} (Debian package, run as root): starts one private node for the whole
 * class (about 6 s) and crashes it once. Fails, with the install command, where RabbitMQ is missing.
 *
 * <p>The last test closes the node; the others leave it running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RabbitNodeTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static RabbitNode node;

    @BeforeAll
    static void startNode() {
        node = RabbitNode.start();
    }

    @AfterAll
    static void closeNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void startedNodeIsPrivateAndReachable() throws Exception {
        assertTrue(node.nodeName().matches("jca-test-[0-9a-f]{8}@localhost"), node.nodeName());
        assertNotEquals(5672, node.amqpPort());
        assertNotEquals(25672, node.distributionPort());
        assertEquals("127.0.0.1:" + node.amqpPort(), node.addresses());
        assertTrue(node.isRunning());
        assertTrue(node.osPid().isPresent());
        assertThrows(IllegalStateException.class, node::tlsPort, "no TLS listener unless asked for");
        try (Connection connection = node.newConnectionFactory().newConnection()) {
            assertTrue(connection.isOpen());
        }
    }

    @Test
    @Order(2)
    void brokerCountsPersistentMessagesPublishedToADurableQueue() throws Exception {
        publishPersistent("counted", 10);

        assertEquals(10, node.queueMessageCount("counted"));
    }

    @Test
    @Order(3)
    void brokerSeesOpenConnectionWithItsNameAndChannels() throws Exception {
        int before = node.connectionCount();
        try (Connection connection = node.newConnectionFactory().newConnection("counting-test")) {
            connection.createChannel();
            connection.createChannel();

            assertEquals(before + 1, node.connectionCount());
            assertEquals(2, node.channelCount());
            assertTrue(node.connectionNames().contains("counting-test"), node.connectionNames().toString());
            assertEquals(Map.of("counting-test", 2), node.channelsPerConnection());
        }
        int after = Poll.until(SETTLE, node::connectionCount, count -> count == before);
        assertEquals(before, after, "connections after close, within " + SETTLE.toSeconds() + " s");
    }

    @Test
    @Order(4)
    void durableMessagesSurviveKill9AndRestart() throws Exception {
        publishPersistent("survivors", 10);
        // RabbitMQ 3.x keeps queue definitions in Mnesia, whose log reaches the disk up to a few seconds after the
        // declare: a crash within that time loses the queue and its confirmed messages (seen in about one crash in
        // four). Sync it, so that the test checks what the broker promises for the messages.
        node.rabbitmqctl("eval", "mnesia:sync_log().");
        long crashedPid = node.osPid().orElseThrow();

        node.kill9();

        assertFalse(node.isRunning());
        assertFalse(ProcessHandle.of(crashedPid).map(ProcessHandle::isAlive).orElse(false), "VM still alive");
        node.restart();
        assertNotEquals(crashedPid, node.osPid().orElseThrow());
        assertEquals(10, node.queueMessageCount("survivors"));
    }

    @Test
    @Order(5)
    void missingQueueIsReportedByName() {
        RabbitNodeException e = assertThrows(RabbitNodeException.class, () -> node.queueMessageCount("no-such"));
        assertTrue(e.getMessage().contains("'no-such'"), e.getMessage());
    }

    @Test
    @Order(6)
    void closeLeavesNoProcessAndNoDirectory() throws Exception {
        String name = node.nodeName();
        Path directory = node.directory();
        assertFalse(NodeProcesses.of(name).isEmpty(), "the check must see a running node's processes");

        node.close();
        node.close(); // idempotent

        assertEquals(List.of(), NodeProcesses.of(name));
        assertFalse(Files.exists(directory), directory + " still exists");
        assertFalse(epmdNames().contains("name " + name.substring(0, name.indexOf('@')) + " "), epmdNames());
        assertThrows(IllegalStateException.class, node::connectionCount);
    }

    private static void publishPersistent(String queue, int count) throws Exception {
        try (Connection connection = node.newConnectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.confirmSelect();
            for (int i = 0; i < count; i++) {
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        ("message " + i).getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(SETTLE.toMillis());
        }
    }

    private static String epmdNames() throws Exception {
        Process epmd = new ProcessBuilder("epmd", "-names").redirectErrorStream(true).start();
        String output = new String(epmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        epmd.waitFor();
        return output;
    }
}
