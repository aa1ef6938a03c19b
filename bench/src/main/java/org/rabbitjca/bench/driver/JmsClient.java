// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The RabbitMQ JMS client used directly, as a team without the adapter would: a long-lived connection, session and
 * producer per caller, sending 1 KiB persistent bytes messages to a RabbitMQ queue ("amqp" destination). Its
 * synchronous send waits for no confirm, so this is an upper bound for an unconfirmed JMS send.
 */
final class JmsClient {

    private final RMQConnectionFactory factory = new RMQConnectionFactory();

    /** @param port the broker's AMQP port on 127.0.0.1 (guest/guest) */
    JmsClient(int port) {
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
    }

    /** @return messages per second {@code callers} callers sent in {@code millis} */
    double send(String queue, int callers, long millis) throws InterruptedException {
        RMQDestination destination = new RMQDestination(queue, "", queue, queue);
        return Callers.rate(callers, millis, () -> {
            Connection connection = factory.createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(destination);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return new Callers.AutoCloseableCall() {
                @Override
                public boolean send() throws Exception {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(RawClient.BODY);
                    producer.send(message);
                    return true;
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        });
    }
}
