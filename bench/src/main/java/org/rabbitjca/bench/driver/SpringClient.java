// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.util.concurrent.TimeUnit;

/**
 * What a Java team would pick instead: Spring AMQP's {@code RabbitTemplate} on a {@code CachingConnectionFactory}
 * with correlated publisher confirms, each caller waiting for the confirm of its message.
 */
final class SpringClient {

    private final com.rabbitmq.client.ConnectionFactory rabbit;

    SpringClient(com.rabbitmq.client.ConnectionFactory rabbit) {
        this.rabbit = rabbit;
    }

    double syncConfirms(String queue, int callers, long millis) throws Exception {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setChannelCacheSize(callers);
        try {
            RabbitTemplate template = new RabbitTemplate(factory);
            MessageProperties properties = new MessageProperties();
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            org.springframework.amqp.core.Message message =
                    new org.springframework.amqp.core.Message(new byte[1024], properties);
            return Callers.rate(callers, millis, () -> new Callers.AutoCloseableCall() {
                @Override
                public boolean send() throws Exception {
                    CorrelationData correlation = new CorrelationData();
                    template.send("", queue, message, correlation);
                    return correlation.getFuture().get(5, TimeUnit.SECONDS).ack();
                }

                @Override
                public void close() {
                    // the template's channels belong to the caching factory
                }
            });
        } finally {
            factory.destroy();
        }
    }
}
