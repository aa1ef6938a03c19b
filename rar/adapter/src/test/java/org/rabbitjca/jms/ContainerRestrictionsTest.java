// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerRestrictionsTest {

    /** The calls that reached the stubs, as {@code Interface.method}. */
    private final List<String> calls = new ArrayList<>();

    private <T> T stub(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(type.getSimpleName() + "." + method.getName());
            return switch (method.getName()) {
                case "createConsumer" -> stub(MessageConsumer.class);
                case "createProducer" -> stub(MessageProducer.class);
                case "setDisableMessageID" -> null;
                default -> method.getReturnType() == boolean.class ? false : null;
            };
        }));
    }

    @Test
    void aForbiddenMethodIsRefusedWithTheReasonAndNeverReachesTheSession() {
        Session session = ContainerRestrictions.session(stub(Session.class));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> session.setMessageListener(message -> { }));

        assertTrue(refused.getMessage().startsWith("Session.setMessageListener is not allowed inside a Jakarta EE "
                + "container"), refused.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void consumersAndProducersTheSessionMakesAreRestrictedToo() throws Exception {
        Session session = ContainerRestrictions.session(stub(Session.class));
        MessageConsumer consumer = session.createConsumer(RabbitQueue.named("orders"));
        MessageProducer producer = session.createProducer(null);
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };

        assertThrows(IllegalStateException.class, () -> consumer.setMessageListener(message -> { }));
        IllegalStateException async = assertThrows(IllegalStateException.class, () -> producer.send(null, listener));
        assertTrue(async.getMessage().contains("asynchronous send"), async.getMessage());
        producer.setDisableMessageID(true);
        assertEquals(List.of("Session.createConsumer", "Session.createProducer", "MessageProducer.setDisableMessageID"),
                calls);
    }

    @Test
    void aContextRefusesWithRuntimeExceptionsAndNamesAreRabbitMqQueues() {
        JMSContext context = ContainerRestrictions.context(stub(JMSContext.class));

        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("mine"));
        assertThrows(IllegalStateRuntimeException.class, () -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        IllegalStateRuntimeException temporary = assertThrows(IllegalStateRuntimeException.class,
                context::createTemporaryQueue);
        assertTrue(temporary.getMessage().contains("would outlive this JMS connection"), temporary.getMessage());
        Queue queue = context.createQueue("orders");

        RabbitQueue rabbit = assertInstanceOf(RabbitQueue.class, queue);
        assertEquals(List.of("orders", "", "orders", true), List.of(rabbit.getAmqpQueueName(),
                rabbit.getAmqpExchangeName(), rabbit.getAmqpRoutingKey(), rabbit.isAmqp()));
        assertEquals(List.of(), calls, "createQueue(name) is the adapter's, not rabbitmq-jms's");
    }
}
