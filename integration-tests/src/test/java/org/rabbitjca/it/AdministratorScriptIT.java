// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.Portable;
import org.rabbitjca.it.support.ProbedServer;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.ServerLauncher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server-wide pool of each server family's script in {@code deploy-descriptors/}, run as users copy it, publishes
 * with the password the script takes from the server's environment (WildFly's CLI script, Open Liberty's {@code
 * server.xml}) or a password alias (GlassFish's asadmin script). Payara's script is run by
 * {@link TlsConnectionsIT} (its pool is a TLS one); each other family has a test here, run on that family only.
 */
@Portable
@ExtendWith(RabbitNodeExtension.class)
class AdministratorScriptIT {

    private static final String USER = "orders-app";
    private static final String PASSWORD = "orders-app-pw-7f3e";
    private static final String PASSWORD_VARIABLE = "RABBITMQ_PASSWORD";
    private static final String QUEUE = "it.administered";
    private static ProbedServer server;

    @BeforeAll
    static void createTheScriptsUser(RabbitNode node) {
        node.rabbitmqctl("add_user", USER, PASSWORD);
        node.rabbitmqctl("set_permissions", "-p", "/", USER, ".*", ".*", ".*");
    }

    @Test
    @EnabledIfSystemProperty(named = ServerLauncher.SERVER_PROPERTY, matches = ServerLauncher.WILDFLY)
    void wildFlysScriptDeclaresAPoolThatPublishesConfirmed(RabbitNode node) throws Exception {
        Path script = Path.of("../deploy-descriptors/wildfly/rabbitmq-jca.cli");
        List<String> poolLines = Files.readAllLines(script).stream()
                .filter(line -> line.contains("/connection-definitions=orders"))
                .map(line -> line.replace("rabbit1:5672,rabbit2:5672", node.addresses())).toList();
        assertTrue(poolLines.size() > 1, "the script declares the pool orders: " + script);
        server = ProbedServer.named("administrator-script-wildfly").adapterPort(node.amqpPort())
                .serverCommands(poolLines).environment(Map.of(PASSWORD_VARIABLE, PASSWORD)).start();

        assertPublishesAsTheScriptsUser(node, "java:/rabbitmq/orders");
    }

    @Test
    @EnabledIfSystemProperty(named = ServerLauncher.SERVER_PROPERTY, matches = ServerLauncher.OPEN_LIBERTY)
    void libertysServerXmlDeclaresAPoolThatPublishesConfirmed(RabbitNode node) throws Exception {
        Path serverXml = Path.of("../deploy-descriptors/liberty/server.xml");
        String text = Files.readString(serverXml);
        int start = text.indexOf("<!-- pool -->");
        int end = text.indexOf("<!-- pool -->", start + 1);
        assertTrue(start >= 0 && end > start, "the file marks its pool with <!-- pool --> twice: " + serverXml);
        List<String> pool = text.substring(start, end).replace("rabbit1:5672,rabbit2:5672", node.addresses())
                .lines().toList();
        server = ProbedServer.named("administrator-script-liberty").adapterPort(node.amqpPort())
                .serverCommands(pool).environment(Map.of(PASSWORD_VARIABLE, PASSWORD)).start();

        assertPublishesAsTheScriptsUser(node, "rabbitmq/orders");
    }

    @Test
    @EnabledIfSystemProperty(named = ServerLauncher.SERVER_PROPERTY, matches = ServerLauncher.GLASSFISH)
    void glassFishsScriptDeclaresAPoolThatPublishesConfirmed(RabbitNode node) throws Exception {
        Path script = Path.of("../deploy-descriptors/glassfish/rabbitmq-jca.asadmin");
        List<String> poolLines = Files.readAllLines(script).stream()
                .filter(line -> line.startsWith("create-connector-") && line.contains("rabbitmq-orders-pool"))
                .map(line -> line.replace("rabbit1\\\\:5672,rabbit2\\\\:5672",
                        node.addresses().replace(":", "\\\\:"))).toList();
        assertEquals(2, poolLines.size(), "the script declares the pool and its resource: " + script);
        server = ProbedServer.named("administrator-script-glassfish").adapterPort(node.amqpPort())
                .serverCommands(poolLines).environment(Map.of(PASSWORD_VARIABLE, PASSWORD)).start();

        assertPublishesAsTheScriptsUser(node, "rabbitmq/orders");
    }

    private static void assertPublishesAsTheScriptsUser(RabbitNode node, String jndiName) throws Exception {
        BrokerClient.declareEmpty(node, QUEUE, null);
        Map<String, String> answer = server.publish(jndiName, QUEUE);
        assertAll(() -> assertEquals("published", answer.get("outcome"), answer::toString),
                () -> assertEquals(1, node.queueMessageCount(QUEUE), "confirmed messages the queue holds"),
                () -> assertTrue(node.rabbitmqctl("list_connections", "user")
                        .contains(USER), "the pool's connection is the script's user's"),
                () -> assertTrue(node.connectionNames().contains(USER + " (publish)"), "its connection name"));
        server.assertNoneIn(List.of(PASSWORD));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }
}
