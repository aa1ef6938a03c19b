// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.impl.LongStringHelper;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.inbound.UnreadableMessageException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceivedMessagesTest {

    private record Delivery(String queue, byte[] body, AMQP.BasicProperties properties, Envelope envelope)
            implements RabbitMessage {
    }

    private static Message convert(AMQP.BasicProperties properties, byte[] body, boolean redelivered, int failed)
            throws UnreadableMessageException {
        Delivery delivery = new Delivery("orders", body, properties, new Envelope(1, redelivered, "", "orders"));
        return ReceivedMessages.of(delivery, failed, List.of("org.rabbitjca.jms"), ReceivedMessagesTest.class
                .getClassLoader());
    }

    private static AMQP.BasicProperties.Builder properties() {
        return new AMQP.BasicProperties.Builder();
    }

    @Test
    void textContentTypesAndTheJmsTextMarkerMakeTextMessagesInTheirCharset() throws Exception {
        for (String type : List.of("text/plain", "application/json", "application/vnd.order+json",
                "TEXT/XML; charset=UTF-8")) {
            TextMessage text = assertInstanceOf(TextMessage.class, convert(properties().contentType(type).build(),
                    "{\"a\":1}".getBytes(StandardCharsets.UTF_8), false, 0), type);
            assertEquals("{\"a\":1}", text.getText());
        }
        TextMessage latin = (TextMessage) convert(properties().contentType("text/plain; charset=ISO-8859-1").build(),
                "é".getBytes(StandardCharsets.ISO_8859_1), false, 0);
        assertEquals("é", latin.getText());
        TextMessage marked = (TextMessage) convert(properties().headers(Map.of("JMSType",
                LongStringHelper.asLongString("TextMessage"))).build(), "x".getBytes(StandardCharsets.UTF_8),
                false, 0);
        assertEquals("x", marked.getText());
    }

    @Test
    void otherBodiesAreBytesMessagesReadFromTheStart() throws Exception {
        BytesMessage bytes = assertInstanceOf(BytesMessage.class, convert(properties().build(), new byte[] {7, 8},
                false, 0));
        assertEquals(2, bytes.getBodyLength());
        assertEquals(7, bytes.readByte());
    }

    @Test
    void theDeliveryCountAddsTheAdaptersFailedTriesToTheBrokersRedelivery() throws Exception {
        Message fresh = convert(properties().build(), new byte[0], false, 0);
        Message retried = convert(properties().build(), new byte[0], false, 2);
        Message requeued = convert(properties().build(), new byte[0], true, 0);
        Message quorum = convert(properties().headers(Map.of("x-delivery-count", 3L)).build(), new byte[0], true, 1);
        assertEquals(List.of(1, 3, 2, 5), List.of(fresh.getIntProperty("JMSXDeliveryCount"),
                retried.getIntProperty("JMSXDeliveryCount"), requeued.getIntProperty("JMSXDeliveryCount"),
                quorum.getIntProperty("JMSXDeliveryCount")));
        assertEquals(List.of(false, true, true), List.of(fresh.getJMSRedelivered(), retried.getJMSRedelivered(),
                requeued.getJMSRedelivered()));
    }

    @Test
    void headersThatAreNoJmsIdentifiersStayAmqpOnlyAndTheMessageIsReadOnly() throws Exception {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Message message = convert(properties().headers(Map.of("region", LongStringHelper.asLongString("eu"),
                "x-rabbitjca-attempts", 1, "JMSPriority", 9, "NULL", "reserved",
                "traceparent", LongStringHelper.asLongString(trace))).build(), new byte[0], false, 0);
        assertEquals("eu", message.getStringProperty("region"));
        assertEquals(trace, message.getStringProperty("traceparent"), "the trace context, as a string property");
        assertNull(message.getObjectProperty("x-rabbitjca-attempts"));
        assertNull(message.getObjectProperty("JMSPriority"));
        assertThrows(JMSException.class, () -> message.setStringProperty("late", "x"));
        message.acknowledge(); // a no-op: the adapter settles the delivery
    }

    @Test
    void aSerializedBodyOfATrustedClassIsAnObjectMessageAndAnyOtherIsUnreadable() throws Exception {
        AMQP.BasicProperties serialized = properties().contentType(ReceivedMessages.SERIALIZED).build();
        ObjectMessage object = assertInstanceOf(ObjectMessage.class, convert(serialized,
                TrustedObjectInputTest.serialize(new TrustedObjectInputTest.Parcel("p", null)), false, 0));
        assertEquals("p", ((TrustedObjectInputTest.Parcel) object.getObject()).ref());

        UnreadableMessageException refused = assertThrows(UnreadableMessageException.class, () -> convert(serialized,
                TrustedObjectInputTest.serialize(new java.net.URI("http://x")), false, 0));
        assertTrue(refused.getMessage().startsWith("An ObjectMessage of class java.net.URI was refused"),
                refused.getMessage());
    }
}
