// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.Test;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.EndpointProperties;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the adapter declares before a bean consumes, in which order, and how a refusal is named. */
class TopologyDeclarerTest {

    private final List<String> calls = new ArrayList<>();
    private String refuse;

    private final Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
            new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                String call = method.getName() + " " + args[0] + (method.getName().equals("queueDeclare")
                        && args[4] != null ? " " + new TreeMap<>((Map<?, ?>) args[4]) : "");
                calls.add(call);
                if (refuse != null && call.startsWith(refuse)) {
                    throw new IOException("refused by the test");
                }
                return null;
            });

    private static final class Endpoint extends EndpointProperties {
    }

    @Test
    void theQueueThenTheExchangeAndBindingsThenEachRetryQueueThenTheDeadLetterQueue() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue("orders");
        endpoint.setDeclareQueue(true);
        endpoint.setExchange("events");
        endpoint.setRoutingKeys("eu,us");
        endpoint.setMaxAttempts(3);
        endpoint.setRetryInitialDelayMillis(100);

        TopologyDeclarer.declare(channel, ConsumerSettings.resolve("test", null, endpoint));

        assertEquals(List.of("queueDeclare orders", "exchangeDeclare events", "queueBind orders", "queueBind orders",
                "queueDeclare orders.retry.100ms {x-dead-letter-exchange=, x-dead-letter-routing-key=orders, "
                        + "x-message-ttl=100}",
                "queueDeclare orders.retry.200ms {x-dead-letter-exchange=, x-dead-letter-routing-key=orders, "
                        + "x-message-ttl=200}",
                "queueDeclare orders.dlq"), calls);
    }

    @Test
    void withDeclareRetryQueuesFalseTheRetryAndDeadLetterQueuesAreOnlyChecked() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue("orders");
        endpoint.setMaxAttempts(2);
        endpoint.setDeclareRetryQueues(false);

        TopologyDeclarer.declare(channel, ConsumerSettings.resolve("test", null, endpoint));

        assertEquals(List.of("queueDeclarePassive orders.retry.1000ms", "queueDeclarePassive orders.dlq"), calls);
    }

    @Test
    void aRefusedStepIsNamedWithThePermissionItNeeds() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.setQueue("orders");
        refuse = "queueDeclare orders.retry";

        RefusedStepException refused = assertThrows(RefusedStepException.class,
                () -> TopologyDeclarer.declare(channel, ConsumerSettings.resolve("test", null, endpoint)));

        assertTrue(refused.getMessage().startsWith("declaring retry queue 'orders.retry.1000ms' was refused"),
                refused.getMessage());
    }
}
