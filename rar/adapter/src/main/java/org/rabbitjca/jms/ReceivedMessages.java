// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import com.rabbitmq.jms.client.message.RMQBytesMessage;
import com.rabbitmq.jms.client.message.RMQObjectMessage;
import com.rabbitmq.jms.client.message.RMQTextMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.inbound.UnreadableMessageException;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a delivery into the JMS message a {@code jakarta.jms.MessageListener} bean gets, whoever published it: a
 * {@code TextMessage} for text content types or rabbitmq-jms's {@code JMSType=TextMessage} header, an
 * {@code ObjectMessage} for {@value #SERIALIZED} bodies of trusted classes, else a {@code BytesMessage}; the AMQP
 * properties as JMS headers and the AMQP headers as JMS properties. The message is read-only, as a received message
 * is; {@code acknowledge()} does nothing (the adapter settles deliveries).
 */
final class ReceivedMessages {

    /** The content type of a Java-serialized body. */
    static final String SERIALIZED = "application/x-java-serialized-object";
    /** Header of the number of deliveries a quorum queue made of a message before this one. */
    private static final String DELIVERY_COUNT = "x-delivery-count";
    private static final int DEFAULT_PRIORITY = 4;

    private ReceivedMessages() {
    }

    /**
     * @param delivery the delivery
     * @param failedAttemptsBefore how many tries of it failed before (the adapter's retry count)
     * @param trustedPackages the packages an {@code ObjectMessage}'s classes may come from
     * @param application the bean's class loader
     * @throws UnreadableMessageException for a serialized body of an untrusted class, or a body that cannot be read
     */
    static Message of(RabbitMessage delivery, int failedAttemptsBefore, List<String> trustedPackages,
                      ClassLoader application) throws UnreadableMessageException {
        AMQP.BasicProperties properties = delivery.properties();
        try {
            Message message = body(delivery, trustedPackages, application);
            headers(message, delivery, failedAttemptsBefore);
            for (Map.Entry<String, Object> header : headersOf(properties).entrySet()) {
                property(message, header.getKey(), header.getValue());
            }
            ((Sealable) message).seal();
            return message;
        } catch (JMSException impossible) {
            throw new UnreadableMessageException("Cannot make a JMS message of " + delivery + ": " + impossible,
                    impossible);
        }
    }

    private static Message body(RabbitMessage delivery, List<String> trustedPackages, ClassLoader application)
            throws JMSException, UnreadableMessageException {
        String contentType = delivery.properties().getContentType();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(SERIALIZED)) {
            return new ReceivedObject(deserialize(delivery, trustedPackages, application));
        }
        if (isText(type) || "TextMessage".equals(String.valueOf(headersOf(delivery.properties()).get("JMSType")))) {
            ReceivedText text = new ReceivedText();
            text.setText(new String(delivery.body(), charset(type, delivery)));
            return text;
        }
        ReceivedBytes bytes = new ReceivedBytes();
        bytes.writeBytes(delivery.body());
        return bytes;
    }

    private static boolean isText(String type) {
        String mediaType = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type.trim();
        return mediaType.startsWith("text/") || mediaType.equals("application/json")
                || mediaType.equals("application/xml") || mediaType.endsWith("+json") || mediaType.endsWith("+xml");
    }

    private static Charset charset(String type, RabbitMessage delivery) throws UnreadableMessageException {
        int at = type.indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = type.substring(at + "charset=".length()).split(";")[0].replace("\"", "").trim();
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new UnreadableMessageException("The charset '" + name + "' of " + delivery + " is not known to "
                    + "this JVM; publish text in UTF-8", unknown);
        }
    }

    private static Serializable deserialize(RabbitMessage delivery, List<String> trustedPackages,
                                            ClassLoader application) throws UnreadableMessageException {
        try (TrustedObjectInput input = new TrustedObjectInput(delivery.body(), trustedPackages, application)) {
            Object read = input.readObject();
            if (!(read instanceof Serializable object)) {
                throw new UnreadableMessageException("The body of " + delivery + " is not a Serializable object");
            }
            return object;
        } catch (InvalidClassException refused) {
            throw new UnreadableMessageException("An ObjectMessage of class " + refused.classname + " was refused: "
                    + "its package is not in the bean's trustedPackages activation property (" + trustedPackages
                    + "). Deserializing a body from the network runs code of its classes; add the package only if "
                    + "you trust every publisher to this queue", refused);
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new UnreadableMessageException("The Java-serialized body of " + delivery + " cannot be read: "
                    + unreadable, unreadable);
        }
    }

    private static void headers(Message message, RabbitMessage delivery, int failedAttemptsBefore)
            throws JMSException {
        AMQP.BasicProperties properties = delivery.properties();
        Map<String, Object> headers = headersOf(properties);
        message.setJMSMessageID(properties.getMessageId() != null ? properties.getMessageId()
                : headers.get("JMSMessageID") == null ? null : headers.get("JMSMessageID").toString());
        long timestamp = headers.get("JMSTimestamp") instanceof Number millis ? millis.longValue()
                : properties.getTimestamp() != null ? properties.getTimestamp().getTime() : 0;
        message.setJMSTimestamp(timestamp);
        message.setJMSCorrelationID(properties.getCorrelationId());
        message.setJMSType(properties.getType());
        message.setJMSDeliveryMode(Integer.valueOf(2).equals(properties.getDeliveryMode()) ? DeliveryMode.PERSISTENT
                : DeliveryMode.NON_PERSISTENT);
        message.setJMSPriority(properties.getPriority() != null ? properties.getPriority() : DEFAULT_PRIORITY);
        message.setJMSExpiration(expiration(properties.getExpiration(), timestamp));
        if (properties.getReplyTo() != null) {
            message.setJMSReplyTo(RabbitQueue.named(properties.getReplyTo()));
        }
        message.setJMSDestination(RabbitQueue.named(delivery.queue()));
        boolean redelivered = delivery.envelope().isRedeliver();
        message.setJMSRedelivered(redelivered || failedAttemptsBefore > 0);
        int brokerDeliveriesBefore = headers.get(DELIVERY_COUNT) instanceof Number count ? count.intValue()
                : redelivered ? 1 : 0;
        message.setIntProperty("JMSXDeliveryCount", failedAttemptsBefore + brokerDeliveriesBefore + 1);
    }

    private static long expiration(String ttlMillis, long timestamp) {
        if (ttlMillis == null || timestamp == 0) {
            return 0;
        }
        try {
            return timestamp + Long.parseLong(ttlMillis);
        } catch (NumberFormatException notMillis) {
            return 0;
        }
    }

    /**
     * Copies one AMQP header as a JMS property when its name is a JMS identifier (not the adapter's
     * {@code x-rabbitjca-...} nor the {@code JMS...} names rabbitmq-jms writes) and its value a JMS type.
     */
    private static void property(Message message, String name, Object value) {
        if (name.startsWith("JMS") || !Character.isJavaIdentifierStart(name.charAt(0))
                || !name.chars().allMatch(Character::isJavaIdentifierPart)) {
            return;
        }
        Object jmsValue = value instanceof LongString text ? text.toString() : value;
        if (jmsValue instanceof String || jmsValue instanceof Number || jmsValue instanceof Boolean) {
            try {
                message.setObjectProperty(name, jmsValue);
            } catch (JMSException | IllegalArgumentException notAJmsProperty) {
                // A name JMS reserves (NULL, TRUE, ...) or a numeric type it lacks: the header stays AMQP-only.
            }
        }
    }

    private static Map<String, Object> headersOf(AMQP.BasicProperties properties) {
        return properties.getHeaders() == null ? Map.of() : properties.getHeaders();
    }

    /** A received message made read-only once its body and headers are in. */
    private interface Sealable {
        void seal();
    }

    private static final class ReceivedText extends RMQTextMessage implements Sealable {
        @Override
        public void seal() {
            setReadonly(true);
        }

        @Override
        public void acknowledge() {
            // The adapter settles the delivery when onMessage returns or the transaction commits.
        }
    }

    private static final class ReceivedBytes extends RMQBytesMessage implements Sealable {
        @Override
        public void seal() {
            setReadonly(true);
            try {
                reset(); // read from the start
            } catch (JMSException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public void acknowledge() {
            // The adapter settles the delivery when onMessage returns or the transaction commits.
        }
    }

    private static final class ReceivedObject extends RMQObjectMessage implements Sealable {
        private final Serializable object;

        private ReceivedObject(Serializable object) {
            this.object = object;
        }

        /** @return the object read when the message arrived, with the bean's trusted packages */
        @Override
        public Serializable getObject() {
            return object;
        }

        @Override
        public Serializable getObject(List<String> trustedPackages) {
            return object;
        }

        @Override
        public void seal() {
            setReadonly(true);
        }

        @Override
        public void acknowledge() {
            // The adapter settles the delivery when onMessage returns or the transaction commits.
        }
    }
}
