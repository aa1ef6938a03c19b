// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.fakecontainer.FakeTransactionRegistry;
import org.rabbitjca.settings.ConsumerSettings;
import org.rabbitjca.settings.QueueTopology;
import org.rabbitjca.settings.RetryPolicy;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a worker's endpoint does with what the container and the bean throw: a container Error propagates once the
 * delivery is settled as a failed try; the bean's Error is a failed try and the worker goes on.
 */
class DeliveryProcessorTest {

    private final Counters counters = new Counters(ResourceKind.BEAN);
    private final RecordingChannel consumer = new RecordingChannel();
    private final FakePublishChannel publish = new FakePublishChannel();
    private final Settlement settlement = new Settlement(consumer.channel(), new FailedDeliveryRouter(
            new ConsumerSettings("orders", new QueueTopology(false, "classic", null, "direct", List.of("orders"), true),
                    50, 10, new RetryPolicy(5, 1_000, 2.0, 60_000), "", "orders.dlq"),
            new ConfirmedPublisher(publish::withGate, 1), "test", counters), () -> false, "test", counters);
    private final FakeEndpointFactory container = new FakeEndpointFactory();
    private final List<String> unavailable = new ArrayList<>();

    @Test
    void anErrorOfTheContainerIsSettledAsAFailedTryAndThenPropagates() {
        OutOfMemoryError containerError = new OutOfMemoryError("test");
        container.createFails = containerError;

        Error thrown = assertThrows(Error.class, () -> worker(null).handle(FailedDeliveryRouterTest.message(0)));

        assertAll(() -> assertSame(containerError, thrown),
                () -> assertEquals("orders.retry.1000ms", publish.published().get(0).routingKey()),
                () -> assertEquals(List.of("ack 7"), consumer.settled()));
    }

    @Test
    void anErrorOfTheContainerStartingATransactedDeliveryPropagatesToo() {
        container.beforeDeliveryFails = new LinkageError("test");
        DeliveryDispatcher.Handler worker = worker(new FakeTransactionRegistry());

        assertThrows(LinkageError.class, () -> worker.handle(FailedDeliveryRouterTest.message(0)));
        assertEquals(List.of("ack 7"), consumer.settled(), "settled as a failed try: nothing registered");
    }

    @Test
    void anErrorOfTheBeanIsAFailedTryAndTheWorkerGoesOnWithTheSameEndpoint() {
        container.onMessageFails = new StackOverflowError("test");
        DeliveryDispatcher.Handler worker = worker(null);

        assertDoesNotThrow(() -> worker.handle(FailedDeliveryRouterTest.message(0)));
        container.onMessageFails = null;
        worker.handle(FailedDeliveryRouterTest.message(0));

        assertAll(() -> assertEquals(1, publish.published().size(), "one failed try routed"),
                () -> assertEquals(List.of("ack 7", "ack 7"), consumer.settled()),
                () -> assertEquals(1, container.created, "one endpoint for both deliveries"));
    }

    @Test
    void anExceptionOfTheContainerIsAFailedTryAndTheNextDeliveryGetsAFreshEndpoint() {
        container.beforeDeliveryFails = new IllegalStateException("test");
        DeliveryDispatcher.Handler worker = worker(new FakeTransactionRegistry());

        worker.handle(FailedDeliveryRouterTest.message(0));

        assertAll(() -> assertEquals(List.of("ack 7"), consumer.settled(), "routed to retry, then acknowledged"),
                () -> assertEquals(1, container.released, "the endpoint that failed was released"));
    }

    @Test
    void anErrorReleasingAnEndpointTheContainerFailedOnPropagatesAfterTheDeliveryWasSettled() {
        container.beforeDeliveryFails = new IllegalStateException("test");
        container.releaseFails = new LinkageError("test");
        DeliveryDispatcher.Handler worker = worker(new FakeTransactionRegistry());

        assertThrows(LinkageError.class, () -> worker.handle(FailedDeliveryRouterTest.message(0)));
        assertEquals(List.of("ack 7"), consumer.settled(), "routed to retry, then acknowledged");
    }

    @Test
    void aDeliveryTheContainerCannotTakeIsRequeuedWithoutCountingATry() {
        container.unavailable = true;

        worker(null).handle(FailedDeliveryRouterTest.message(0));

        assertAll(() -> assertEquals(List.of("requeue 7"), consumer.settled()),
                () -> assertEquals(List.of(), publish.published()),
                () -> assertEquals(List.of("deployment under way"), unavailable, "the session is told"));
    }

    private DeliveryDispatcher.Handler worker(FakeTransactionRegistry transactions) {
        return new DeliveryProcessor(container, NativeListener.INSTANCE, transactions, "test", counters)
                .workerEndpoint(settlement, unavailable::add);
    }

    /** The container's side: creates endpoints that fail where the test says. */
    private static final class FakeEndpointFactory implements MessageEndpointFactory {
        Error createFails;
        boolean unavailable;
        Throwable beforeDeliveryFails;
        Error onMessageFails;
        Error releaseFails;
        int created;
        int released;

        @Override
        public MessageEndpoint createEndpoint(XAResource resource) throws UnavailableException {
            return createEndpoint(resource, 0);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource resource, long timeout) throws UnavailableException {
            if (createFails != null) {
                throw createFails;
            }
            if (unavailable) {
                throw new UnavailableException("deployment under way");
            }
            created++;
            return new Endpoint();
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            throw new AssertionError("the activation asks, not the processor");
        }

        @Override
        public String getActivationName() {
            return "test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }

        private final class Endpoint implements MessageEndpoint, RabbitMessageListener {
            @Override
            public void onMessage(RabbitMessage message) {
                if (onMessageFails != null) {
                    throw onMessageFails;
                }
            }

            @Override
            public void beforeDelivery(Method method) {
                if (beforeDeliveryFails instanceof Error error) {
                    throw error;
                }
                if (beforeDeliveryFails instanceof RuntimeException exception) {
                    throw exception;
                }
            }

            @Override
            public void afterDelivery() {
            }

            @Override
            public void release() {
                if (releaseFails != null) {
                    throw releaseFails;
                }
                released++;
            }
        }
    }
}
