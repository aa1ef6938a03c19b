// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.Connection;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.outbound.ProxyIdentity;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What rabbitmq-jms takes for its AMQP connection: one pooled channel. Its {@code createChannel()} gives that
 * channel as a {@link JmsChannel}, to the one session a JMS connection has at a time; its {@code close()} gives the
 * channel back to the pool; shutdown listeners are not kept (the pool reports a lost channel itself). rabbitmq-jms
 * calls nothing else on it; anything else is refused, so that no code reaches the physical connection the pool
 * shares.
 */
final class PooledChannelConnection {

    private PooledChannelConnection() {
    }

    /**
     * @param pooled the pooled channel's handle, closed with the view
     * @param confirms whether the pool confirms publishes, which a mandatory publish needs
     */
    static Connection of(RabbitConnection pooled, boolean confirms) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> invoke(pooled, confirms, proxy, method, args));
    }

    private static Object invoke(RabbitConnection pooled, boolean confirms, Object proxy, Method method,
                                 Object[] args) {
        if (ProxyIdentity.isObjectMethod(method)) {
            return ProxyIdentity.answer(proxy, method, args, () -> "pooled channel connection of " + pooled);
        }
        return switch (method.getName()) {
            // One session at a time (JmsConnection, RmqJmsContext), each on the one pooled channel.
            case "createChannel" -> JmsChannel.of(pooled, confirms);
            case "close", "abort" -> {
                pooled.close();
                yield null;
            }
            case "addShutdownListener", "removeShutdownListener" -> null;
            default -> throw refused(method);
        };
    }

    private static UnsupportedOperationException refused(Method method) {
        return new UnsupportedOperationException("Connection." + method.getName() + " is not available on a "
                + "rabbitmq-jca JMS connection: its AMQP connection is shared by the whole pool");
    }
}
