// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
            AtomicLong messages = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < callers; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            CorrelationData correlation = new CorrelationData();
                            template.send("", queue, message, correlation);
                            if (correlation.getFuture().get(5, TimeUnit.SECONDS).ack()) {
                                messages.incrementAndGet();
                            }
                        }
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return messages.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            factory.destroy();
        }
    }
}
