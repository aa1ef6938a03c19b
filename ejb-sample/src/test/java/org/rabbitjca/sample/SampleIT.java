// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;
import org.rabbitjca.testserver.Http;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as its users meet it: the war the build makes (with the descriptors users copy,
 * {@code deploy-descriptors/ejb-jar.xml} and {@code payara/glassfish-resources.xml}, and the
 * rabbitmq-jca-microprofile jar), in Payara Micro through Arquillian against the run's private RabbitMQ node.
 * Placed orders are shipped once each and audited by a JMS bean (bound by {@code glassfish-ejb-jar.xml}) through
 * its own topic binding, placement and shipment in one trace; a poison order ends in the dead-letter queue with its
 * reason and is marked rejected; health and metrics show the adapter; the descriptors and the
 * {@code @ConnectionFactoryDefinition} example take effect on the broker. The adapter's own behaviour is proven in
 * the {@code integration-tests} module.
 */
@RunAsClient
@ExtendWith({RabbitNodeExtension.class, SamplePostBootCommands.class, ArquillianExtension.class})
class SampleIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PLACED = Pattern.compile("Placed order (\\d+): .*");

    /** The deployment's base URL, e.g. {@code http://127.0.0.1:8123/ejb-sample/}. */
    @ArquillianResource
    private URL base;

    /** @return the war the build made */
    @Deployment(testable = false)
    public static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ejb-sample.war"));
    }

    @Test
    void placedOrdersAreShippedOnceEachAndAuditedInOneTraceThroughTheirOwnBinding() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String order : List.of("3 apples", "1 pear", "2 plums")) {
            ids.add(place(order));
        }

        for (long id : ids) {
            String state = Poll.until(Duration.ofSeconds(30), () -> get("api/orders/" + id),
                    line -> line.contains("SHIPPED"));
            assertTrue(state.matches("order " + id + ": \\d+ \\w+, SHIPPED \\(shipped .+, trace [0-9a-f]{32}\\)\\n"),
                    state);
        }
        List<String> audit = Poll.until(Duration.ofSeconds(30), () -> get("api/orders/audit").lines().toList(),
                lines -> ids.stream().allMatch(id -> lines.stream().anyMatch(line -> line.contains("shipped-" + id))));
        RabbitNode node = RabbitNodeExtension.sharedNode();
        assertAll(() -> ids.forEach(id -> {
            List<String> placed = audited(audit, "OrderPlaced order-" + id + " ");
            List<String> shipped = audited(audit, "OrderShipped shipped-" + id + " ");
            assertEquals(1, placed.size(), "placed once: " + audit);
            assertEquals(1, shipped.size(), "shipped once, through the annotation-declared pool: " + audit);
            assertEquals(trace(placed.get(0)), trace(shipped.get(0)), "the shipment goes on in the order's trace");
        }), () -> assertEquals(0, node.queueMessageCount(ShippingListener.QUEUE), "nothing left to ship"));
    }

    private static List<String> audited(List<String> audit, String prefix) {
        return audit.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /** @return the trace id of an audit line: {@code <type> <id> trace <trace id>: <body>} */
    private static String trace(String auditLine) {
        Matcher trace = Pattern.compile(" trace ([0-9a-f]{32}): ").matcher(auditLine);
        assertTrue(trace.find(), "no trace in " + auditLine);
        return trace.group(1);
    }

    @Test
    void aPoisonOrderEndsInTheDeadLetterQueueWithItsReasonAndIsRejected() throws Exception {
        long id = place("0 plums");

        String state = Poll.until(Duration.ofSeconds(60), () -> get("api/orders/" + id),
                line -> line.contains("REJECTED"));

        assertAll(() -> assertTrue(state.startsWith("order " + id + ": 0 plums, REJECTED ("), state),
                () -> assertTrue(state.endsWith("java.lang.IllegalArgumentException: order " + id
                        + " has quantity 0: nothing to ship)\n"), "the dead letter's reason: " + state),
                () -> assertEquals(400, send(HttpRequest.newBuilder(URI.create(base + "api/orders"))
                        .POST(HttpRequest.BodyPublishers.ofString("apples"))).statusCode(), "no quantity"));
    }

    @Test
    void thePageLinksHealthAndMetricsWhichShowTheAdapter() throws Exception {
        place("1 melon");
        String page = get("");
        Http.Page ready = Http.page(base, "/health/ready");
        Http.Page metrics = Http.page(base, "/metrics");

        assertAll(() -> assertTrue(page.contains("href=\"/health/ready\"") && page.contains("href=\"/metrics\"")
                        && page.contains("href=\"api/orders\""), page),
                () -> assertEquals(200, ready.status(), ready.body()),
                () -> assertTrue(ready.body().contains("\"pool ejb-sample\":\"UP\""), ready.body()),
                () -> assertTrue(ready.body().contains("\"bean " + ShippingListener.class.getName() + "\":\"UP\""),
                        ready.body()),
                () -> assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("rabbitjca_pool_published{")
                        && line.contains("pool=\"ejb-sample\"") && !line.endsWith(" 0.0")), "published count"));
    }

    @Test
    void theDescriptorsTakeEffectOnTheBroker() throws Exception {
        place("1 kiwi");
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String consumers = node.rabbitmqctl("list_consumers", "--no-table-headers", "queue_name", "prefetch_count");

        assertAll(() -> assertTrue(consumers.lines().anyMatch(line -> line.matches(
                        ShippingListener.QUEUE.replace(".", "\\.") + "\\s+20")),
                        () -> "deploy-descriptors/ejb-jar.xml sets prefetch 20 for ShippingListener: " + consumers),
                () -> assertTrue(node.connectionNames().contains("ejb-sample (publish)"),
                        () -> "glassfish-resources.xml names the pool's connection: " + node.connectionNames()),
                () -> assertTrue(node.connectionNames().contains("ejb-sample-events (publish)"),
                        () -> "RabbitResources' @ConnectionFactoryDefinition names its pool's connection: "
                                + node.connectionNames()));
    }

    /** @return the number of the order placed */
    private long place(String order) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "api/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(order)));
        Matcher placed = PLACED.matcher(answer.body().strip());
        assertTrue(answer.statusCode() == 200 && placed.matches(), answer.statusCode() + " " + answer.body());
        return Long.parseLong(placed.group(1));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        assertEquals(200, answer.statusCode(), answer::body);
        return answer.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
