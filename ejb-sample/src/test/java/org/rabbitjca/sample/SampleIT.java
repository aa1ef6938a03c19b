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

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as its users meet it, with the descriptors they copy ({@code deploy-descriptors/ejb-jar.xml} and
 * {@code payara/glassfish-resources.xml}), in Payara Micro through Arquillian against the run's private RabbitMQ
 * node: orders posted over HTTP are confirmed, the bean receives each one, and the descriptors take effect on the
 * broker. The adapter's own behaviour is proven in the {@code integration-tests} module.
 */
@RunAsClient
@ExtendWith({RabbitNodeExtension.class, SamplePostBootCommands.class, ArquillianExtension.class})
class SampleIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The deployment's base URL, e.g. {@code http://127.0.0.1:8123/ejb-sample/}. */
    @ArquillianResource
    private URL base;

    /** @return the sample with its descriptors, as the war the build makes */
    @Deployment(testable = false)
    public static WebArchive sample() {
        return ShrinkWrap.create(WebArchive.class, "ejb-sample.war")
                .addPackage(OrderPublisher.class.getPackage())
                .addAsWebInfResource(new File("../deploy-descriptors/payara/glassfish-resources.xml"))
                .addAsWebInfResource(new File("../deploy-descriptors/ejb-jar.xml"));
    }

    @Test
    void postedOrdersAreConfirmedAndEachIsReceivedByTheBean() throws Exception {
        List<String> orders = List.of("sample-it-1", "sample-it-2", "sample-it-3");
        for (String order : orders) {
            String answer = call(HttpRequest.newBuilder(URI.create(base + "api/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString(order)));
            assertTrue(answer.startsWith("Published '" + order + "' with confirm"), answer);
        }

        List<String> received = Poll.until(Duration.ofSeconds(30), this::received,
                lines -> lines.containsAll(orders));

        assertEquals(orders, received.stream().filter(orders::contains).sorted().toList(), "each order once");
        RabbitNode node = RabbitNodeExtension.sharedNode();
        int left = Poll.until(Duration.ofSeconds(30), () -> node.queueMessageCount(OrderPublisher.QUEUE),
                count -> count == 0);
        assertEquals(0, left, "messages left in " + OrderPublisher.QUEUE);
    }

    @Test
    void theDescriptorsTakeEffectOnTheBroker() throws Exception {
        call(HttpRequest.newBuilder(URI.create(base + "api/orders")).POST(HttpRequest.BodyPublishers.ofString("x")));
        RabbitNode node = RabbitNodeExtension.sharedNode();
        String consumers = node.rabbitmqctl("list_consumers", "--no-table-headers", "queue_name", "prefetch_count");

        assertAll(() -> assertTrue(consumers.lines().anyMatch(line -> line.matches(
                        OrderPublisher.QUEUE.replace(".", "\\.") + "\\s+20")),
                        () -> "deploy-descriptors/ejb-jar.xml sets prefetch 20 for OrderListener: " + consumers),
                () -> assertTrue(node.connectionNames().contains("ejb-sample (publish)"),
                        () -> "glassfish-resources.xml names the pool's connection: " + node.connectionNames()));
    }

    private List<String> received() throws Exception {
        return call(HttpRequest.newBuilder(URI.create(base + "api/orders")).GET()).lines().toList();
    }

    private static String call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }
}
