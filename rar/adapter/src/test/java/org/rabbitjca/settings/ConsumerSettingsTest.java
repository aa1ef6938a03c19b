// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerSettingsTest {

    /** The adapter's level. */
    private static final class Adapter extends ConsumerProperties {
    }

    /** A bean's activation properties. */
    private static final class Endpoint extends EndpointProperties {
    }

    private static Endpoint endpoint(String queue) {
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue(queue);
        return endpoint;
    }

    private static String problems(ConsumerProperties adapter, Endpoint endpoint) {
        return assertThrows(InvalidSettingsException.class,
                () -> ConsumerSettings.resolve("message-driven bean 'Orders'", adapter, endpoint)).getMessage();
    }

    @Test
    void defaultsServeThroughputAndSetPoisonMessagesAside() throws Exception {
        ConsumerSettings settings = ConsumerSettings.resolve("mdb", null, endpoint(" orders "));

        assertAll(() -> assertEquals("orders", settings.queue()),
                () -> assertEquals(50, settings.prefetchCount()),
                () -> assertEquals(10, settings.maxConcurrency()),
                () -> assertEquals(new RetryPolicy(5, 1_000, 2.0, 60_000), settings.retry()),
                () -> assertEquals("", settings.deadLetterExchange()),
                () -> assertEquals("orders.dlq", settings.deadLetterRoutingKey()),
                () -> assertFalse(settings.topology().declareQueue()),
                () -> assertNull(settings.topology().exchange()));
    }

    @Test
    void theBeanOverridesTheAdaptersDefaultsWhichOverrideTheBuiltInOnes() throws Exception {
        Adapter adapter = new Adapter();
        adapter.setPrefetchCount(200);
        adapter.setMaxAttempts(3);
        adapter.setDeadLetterExchange("failures");
        Endpoint endpoint = endpoint("orders");
        endpoint.setPrefetchCount(20);

        ConsumerSettings settings = ConsumerSettings.resolve("mdb", adapter, endpoint);

        assertAll(() -> assertEquals(20, settings.prefetchCount()),
                () -> assertEquals(3, settings.retry().maxAttempts()),
                () -> assertEquals("failures", settings.deadLetterExchange()));
    }

    @Test
    void aMissingOrBlankQueueIsRefusedNamingTheProperty() {
        assertTrue(problems(null, endpoint(null)).contains("activation property 'queue' is missing or empty; name the "
                + "queue to consume from: @ActivationConfigProperty(propertyName = \"queue\""));
        assertTrue(problems(null, endpoint(" ")).contains("activation property 'queue' is blank"));
    }

    @Test
    void everyBadActivationPropertyIsReportedAtOnceWithItsValueAndWhatIsAllowed() {
        Endpoint endpoint = endpoint("orders");
        endpoint.setQueueType("stream");
        endpoint.setDeclareQueue(true);
        endpoint.setPrefetchCount(-1);
        endpoint.setMaxConcurrency(0);
        endpoint.setMaxAttempts(0);
        endpoint.setRetryInitialDelayMillis(-5);
        endpoint.setRetryMultiplier(0.5);
        endpoint.setExchangeType("broadcast");
        endpoint.setExchange("events");

        String message = problems(null, endpoint);

        assertAll(() -> assertTrue(message.startsWith("Invalid rabbitmq-jca configuration of message-driven bean "
                        + "'Orders'"), message),
                () -> assertTrue(message.contains("queueType is 'stream' but must be one of classic, quorum"), message),
                () -> assertTrue(message.contains("prefetchCount is -1 but must be between 1 and 65535"), message),
                () -> assertTrue(message.contains("maxConcurrency is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("maxAttempts is 0 but must be at least 1"), message),
                () -> assertTrue(message.contains("retryInitialDelayMillis is -5 but must be at least 0"), message),
                () -> assertTrue(message.contains("retryMultiplier is 0.5 but must be a number of at least 1.0"),
                        message),
                () -> assertTrue(message.contains("exchangeType is 'broadcast' but must be one of direct, topic, "
                        + "fanout, headers"), message));
    }

    @Test
    void moreConcurrencyThanPrefetchIsRefusedWithTheFix() {
        Endpoint endpoint = endpoint("orders");
        endpoint.setPrefetchCount(5);
        endpoint.setMaxConcurrency(8);

        assertTrue(problems(null, endpoint).contains("maxConcurrency is 8 but prefetchCount is only 5; the broker "
                + "would never send enough messages to use them: raise prefetchCount to at least 8"));
    }

    @Test
    void settingsThatWouldBeIgnoredAreRefused() {
        Endpoint keysWithoutExchange = endpoint("orders");
        keysWithoutExchange.setRoutingKeys("a,b");
        Endpoint maxBelowInitial = endpoint("orders");
        maxBelowInitial.setRetryInitialDelayMillis(5_000);
        maxBelowInitial.setRetryMaxDelayMillis(1_000);

        assertTrue(problems(null, keysWithoutExchange).contains("routingKeys or exchangeType is set but exchange is "
                + "not"));
        assertTrue(problems(null, maxBelowInitial).contains("retryMaxDelayMillis is 1000 but must be at least 5000"));
    }

    @Test
    void topologyBindsEachRoutingKeyAndDefaultsToTheQueueName() throws Exception {
        Endpoint endpoint = endpoint("orders");
        endpoint.setDeclareQueue(true);
        endpoint.setQueueType("Quorum");
        endpoint.setExchange("events");
        endpoint.setExchangeType("topic");
        endpoint.setRoutingKeys("orders.eu.*, orders.us.*");
        Endpoint plain = endpoint("orders");
        plain.setExchange("events");

        QueueTopology topology = ConsumerSettings.resolve("mdb", null, endpoint).topology();

        assertEquals(new QueueTopology(true, "quorum", "events", "topic", List.of("orders.eu.*", "orders.us.*"),
                true), topology);
        assertEquals(List.of("orders"), ConsumerSettings.resolve("mdb", null, plain).topology().routingKeys());
    }

    @Test
    void retryQueuesAreDeclaredUnlessTheAdapterOrTheBeanSaysTheyExist() throws Exception {
        Adapter operatorsCreateThem = new Adapter();
        operatorsCreateThem.setDeclareRetryQueues(false);
        Endpoint overriding = endpoint("orders");
        overriding.setDeclareRetryQueues(true);

        assertAll(() -> assertTrue(ConsumerSettings.resolve("mdb", null, endpoint("orders")).topology()
                        .declareRetryQueues()),
                () -> assertFalse(ConsumerSettings.resolve("mdb", operatorsCreateThem, endpoint("orders")).topology()
                        .declareRetryQueues()),
                () -> assertTrue(ConsumerSettings.resolve("mdb", operatorsCreateThem, overriding).topology()
                        .declareRetryQueues()));
    }
}
