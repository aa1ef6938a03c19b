// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.ResourceKind;
import org.rabbitjca.broker.Counters;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.PublishGate;
import org.rabbitjca.settings.InvalidSettingsException;
import org.rabbitjca.settings.PoolProperties;
import org.rabbitjca.settings.PoolSettings;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A pooled channel (channel 7 on connection 'test (publish)') that records the name of every method reaching it
 * and answers zeros, with the publish gate of its connection and a hook run on each {@code basicPublish} (the
 * broker's answer, say). A dynamic proxy, because {@code Channel} has well over a hundred methods.
 */
final class PooledChannelFake {

    /** A message as the channel received it. */
    record Published(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    }

    private final List<String> reached = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private final PublishGate gate = new PublishGate();
    private final Counters counters = new Counters(ResourceKind.POOL);
    private Runnable onPublish = () -> { };
    private long nextSequence = 1;
    private volatile boolean open = true;
    private final Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
            new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                reached.add(method.getName());
                return switch (method.getName()) {
                    case "getChannelNumber" -> 7;
                    case "getConnection" -> connection();
                    case "isOpen" -> open;
                    case "getNextPublishSeqNo" -> nextSequence;
                    case "basicPublish" -> published(args);
                    case "toString" -> "PooledChannelFake";
                    default -> zeroOf(method.getReturnType());
                };
            });

    private Object published(Object[] args) {
        published.add(new Published((String) args[0], (String) args[1],
                (AMQP.BasicProperties) args[args.length - 2], (byte[]) args[args.length - 1]));
        nextSequence++;
        onPublish.run();
        return null;
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientProvidedName" -> "test (publish)";
                    default -> throw new AssertionError("Connection." + method.getName());
                });
    }

    /**
     * @param pool the pool's settings
     * @return a managed connection on this channel, of a pool whose connections log in as 'guest'
     */
    RabbitManagedConnection managedConnection(PoolSettings pool) throws IOException {
        return new RabbitManagedConnection(new RabbitManagedConnectionFactory(),
                new ConnectionGroup.ChannelWithGate(channel, gate), pool, "guest", counters);
    }

    /**
     * @param publisherConfirms whether publishes wait for the broker's confirm
     * @param confirmTimeoutMillis how long a publish waits for its confirm
     * @return a pool's settings with these two set, the others at their defaults
     */
    static PoolSettings pool(boolean publisherConfirms, int confirmTimeoutMillis) throws InvalidSettingsException {
        return PoolSettings.resolve("pool", new PoolProperties(publisherConfirms, confirmTimeoutMillis, null, null,
                null, null));
    }

    /** @param hook run on each publish, after the publish was counted */
    void onPublish(Runnable hook) {
        onPublish = hook;
    }

    /** Makes the channel report itself closed, with no reason, as one whose connection went away unseen. */
    void close() {
        open = false;
    }

    /** @return the gate of the channel's connection, which the test blocks as the broker would */
    PublishGate gate() {
        return gate;
    }

    /** @return the messages published on the channel, in order */
    List<Published> published() {
        return published;
    }

    /** @return the sequence number of the last message published on the channel */
    long lastSequence() {
        return nextSequence - 1;
    }

    /** @return the names of the methods that reached the channel, in order */
    List<String> reached() {
        return reached;
    }

    /** @return the zero of a primitive type, or null for a reference type */
    static Object zeroOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return type == double.class ? 0.0 : null;
    }
}
