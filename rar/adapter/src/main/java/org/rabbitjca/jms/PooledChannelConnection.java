// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.Connection;
import org.rabbitjca.api.RabbitConnection;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What rabbitmq-jms takes for its AMQP connection: one pooled channel. Its {@code createChannel()} gives that
 * channel, once, as a {@link JmsChannel}; its {@code close()} gives the channel back to the pool; shutdown listeners
 * are not kept (the pool reports a lost channel itself). rabbitmq-jms calls nothing else on it; anything else is
 * refused, so that no code reaches the physical connection the pool shares.
 */
final class PooledChannelConnection {

    private PooledChannelConnection() {
    }

    /**
     * @param pooled the pooled channel's handle, closed with the view
     * @param confirms whether the pool confirms publishes, which a mandatory publish needs
     */
    static Connection of(RabbitConnection pooled, boolean confirms) {
        boolean[] channelGiven = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createChannel" -> {
                        synchronized (channelGiven) {
                            if (channelGiven[0]) {
                                throw new IOException("A rabbitmq-jca JMS connection carries one session");
                            }
                            channelGiven[0] = true;
                        }
                        yield JmsChannel.of(pooled, confirms);
                    }
                    case "close", "abort" -> {
                        pooled.close();
                        yield null;
                    }
                    case "addShutdownListener", "removeShutdownListener" -> null;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "pooled channel connection of " + pooled;
                    default -> throw refused(method);
                });
    }

    private static UnsupportedOperationException refused(Method method) {
        return new UnsupportedOperationException("Connection." + method.getName() + " is not available on a "
                + "rabbitmq-jca JMS connection: its AMQP connection is shared by the whole pool");
    }
}
