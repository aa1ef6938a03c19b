// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmCallback;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;

import java.io.IOException;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The baselines written with amqp-client the way the client's documentation recommends; rates in messages/s. */
final class RawClient {

    private static final AMQP.BasicProperties PERSISTENT = MessageProperties.PERSISTENT_BASIC;
    static final byte[] BODY = new byte[1024];

    private final ConnectionFactory factory;

    RawClient(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** {@code callers} threads, each with a long-lived channel, wait for the confirm of every message. */
    double syncConfirms(String queue, int callers, long millis) throws Exception {
        try (Connection connection = factory.newConnection("bench-raw-sync")) {
            return Callers.rate(callers, millis, () -> {
                Channel channel = connection.createChannel();
                channel.confirmSelect();
                return new Callers.AutoCloseableCall() {
                    @Override
                    public boolean send() throws Exception {
                        channel.basicPublish("", queue, PERSISTENT, BODY);
                        channel.waitForConfirmsOrDie(5_000);
                        return true;
                    }

                    @Override
                    public void close() throws Exception {
                        channel.close();
                    }
                };
            });
        }
    }

    /** One channel, a confirm listener, at most 1 000 messages awaiting their confirm. */
    double streamingConfirms(String queue, long millis) throws Exception {
        try (Connection connection = factory.newConnection("bench-raw-stream");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            Semaphore outstanding = new Semaphore(1_000);
            AtomicLong confirmed = new AtomicLong();
            NavigableSet<Long> pending = new ConcurrentSkipListSet<>();
            ConfirmCallback settle = (tag, multiple) -> {
                // Confirms arrive on the connection's thread, in order; the publisher only adds higher numbers.
                NavigableSet<Long> settled = multiple ? pending.headSet(tag, true)
                        : pending.subSet(tag, true, tag, true);
                int count = settled.size();
                settled.clear();
                confirmed.addAndGet(count);
                outstanding.release(count);
            };
            channel.addConfirmListener(settle, settle);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                outstanding.acquire();
                pending.add(channel.getNextPublishSeqNo());
                channel.basicPublish("", queue, PERSISTENT, BODY);
            }
            outstanding.acquire(1_000);
            return rate(confirmed.get(), start);
        }
    }

    /** The classic anti-pattern: {@code callers} threads, each opening a connection and channel per message. */
    double connectionPerMessage(String queue, int callers, long millis) throws Exception {
        return Callers.rate(callers, millis, () -> new Callers.AutoCloseableCall() {
            @Override
            public boolean send() throws Exception {
                try (Connection connection = factory.newConnection("bench-raw-per-message");
                     Channel channel = connection.createChannel()) {
                    channel.confirmSelect();
                    channel.basicPublish("", queue, PERSISTENT, BODY);
                    channel.waitForConfirmsOrDie(5_000);
                    return true;
                }
            }

            @Override
            public void close() {
                // nothing outlives a call
            }
        });
    }

    /** One long-lived channel, no confirms. */
    double fireAndForget(String queue, long millis) throws Exception {
        try (Connection connection = factory.newConnection("bench-raw-fire");
             Channel channel = connection.createChannel()) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long messages = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                channel.basicPublish("", queue, PERSISTENT, BODY);
                messages++;
            }
            return rate(messages, start);
        }
    }

    /** {@code consumers} channels on one connection, manual ack, prefetch 50; rate from first to last delivery. */
    double consume(String queue, int consumers, int messages) throws Exception {
        try (Connection connection = factory.newConnection("bench-raw-consume")) {
            CountDownLatch done = new CountDownLatch(messages);
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            for (int c = 0; c < consumers; c++) {
                Channel channel = connection.createChannel();
                channel.basicQos(50);
                channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) throws IOException {
                        long now = System.nanoTime();
                        first.compareAndSet(0, now);
                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                        last.accumulateAndGet(now, Math::max);
                        done.countDown();
                    }
                });
            }
            fill(queue, messages);
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("raw consumers got " + (messages - done.getCount()) + " of "
                        + messages + " messages in 5 minutes");
            }
            return messages / ((last.get() - first.get()) / 1e9);
        }
    }

    /** Publishes {@code messages} persistent messages as fast as possible, then waits for all confirms. */
    void fill(String queue, int messages) throws Exception {
        try (Connection connection = factory.newConnection("bench-raw-fill");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < messages; i++) {
                channel.basicPublish("", queue, PERSISTENT, BODY);
            }
            channel.waitForConfirmsOrDie(120_000);
        }
    }

    /** Declares the queue durable and empties it. */
    void declareEmpty(String queue) throws Exception {
        try (Connection connection = factory.newConnection("bench-setup");
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.queuePurge(queue);
        }
    }

    private static double rate(long messages, long startNanos) {
        return messages / ((System.nanoTime() - startNanos) / 1e9);
    }
}
