// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitException;
import org.rabbitjca.outbound.ProxyIdentity;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The channel a rabbitmq-jms session works on: the pooled channel behind a {@link RabbitConnection}. Publishes go
 * through {@link RabbitConnection#publish}, so they are confirmed and follow the JTA transaction like the AMQP
 * face's; a publish to the default exchange (a queue destination) is mandatory when the pool has confirms, so a
 * send to a queue that does not exist fails instead of vanishing. The session's listeners are not kept on the pooled
 * channel (they would outlive it), and its {@code close()} leaves the channel to the pool. Everything else goes to
 * the handle's restricted channel, which refuses what would harm the pool.
 */
final class JmsChannel {

    private JmsChannel() {
    }

    static Channel of(RabbitConnection pooled, boolean confirms) {
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> invoke(pooled, confirms, proxy, method, args));
    }

    private static Object invoke(RabbitConnection pooled, boolean confirms, Object proxy, Method method,
                                 Object[] args) throws Throwable {
        if (ProxyIdentity.isObjectMethod(method)) {
            return ProxyIdentity.answer(proxy, method, args, () -> "JMS session channel of " + pooled);
        }
        switch (method.getName()) {
            case "basicPublish" -> {
                publish(pooled, confirms, args);
                return null;
            }
            // rabbitmq-jms adds a confirm listener per session for asynchronous sends, which the container refuses.
            case "addConfirmListener", "addReturnListener", "addShutdownListener", "close", "abort", "basicQos" -> {
                return null;
            }
            default -> {
                try {
                    return method.invoke(pooled.channel(), args);
                } catch (InvocationTargetException failure) {
                    throw failure.getCause();
                }
            }
        }
    }

    /** rabbitmq-jms calls {@code basicPublish(exchange, routingKey, properties, body)}; the longer forms too. */
    private static void publish(RabbitConnection pooled, boolean confirms, Object[] args) throws IOException {
        String exchange = (String) args[0];
        String routingKey = (String) args[1];
        boolean mandatory = args.length > 4 && (Boolean) args[2];
        AMQP.BasicProperties properties = (AMQP.BasicProperties) args[args.length - 2];
        byte[] body = (byte[]) args[args.length - 1];
        try {
            pooled.publish(exchange, routingKey, mandatory || confirms && exchange.isEmpty(), properties, body);
        } catch (RabbitException failure) {
            // rabbitmq-jms turns an IOException from basicPublish into a JMSException with the same message.
            throw new IOException(failure.getMessage(), failure);
        }
    }
}
