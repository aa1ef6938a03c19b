// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnCallback;
import org.rabbitjca.broker.ConnectionGroup.ChannelWithGate;
import org.rabbitjca.broker.PublishGate;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A channel of a publish connection, as the retry publisher uses it: it records each publish, confirms it unless
 * told to return it, time out or be interrupted, and has the publish gate of its connection. A dynamic proxy;
 * every method the publisher does not use fails the test.
 */
final class FakePublishChannel {

    /** What the broker does with the next publishes. */
    enum Outcome { CONFIRM, RETURN, TIME_OUT, INTERRUPT }

    /** One publish as it reached the channel. */
    record Published(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties) {
    }

    private final List<Published> published = new ArrayList<>();
    private final PublishGate gate = new PublishGate();
    private Outcome outcome = Outcome.CONFIRM;
    private ReturnCallback returns;
    private boolean open = true;
    private int confirmSelects;
    private final Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
            new Class<?>[] {Channel.class}, (proxy, method, args) -> switch (method.getName()) {
                case "isOpen" -> open;
                case "close" -> open = false;
                case "getChannelNumber" -> 3;
                case "getConnection" -> connection();
                case "confirmSelect" -> confirmSelect();
                case "addReturnListener" -> listen((ReturnCallback) args[0]);
                case "basicPublish" -> publish(args);
                case "waitForConfirmsOrDie" -> waitForConfirms();
                case "toString" -> "FakePublishChannel";
                default -> throw new AssertionError("the retry publisher called Channel." + method.getName());
            });

    private Object listen(ReturnCallback callback) {
        returns = callback;
        return null; // the listener amqp-client would wrap it in; the publisher keeps none
    }

    private Object confirmSelect() {
        confirmSelects++;
        return null;
    }

    private Object publish(Object[] args) {
        Published publish = new Published((String) args[0], (String) args[1], (Boolean) args[2],
                (AMQP.BasicProperties) args[3]);
        published.add(publish);
        if (outcome == Outcome.RETURN) {
            returns.handle(new Return(312, "NO_ROUTE", publish.exchange(), publish.routingKey(), publish.properties(),
                    (byte[]) args[4]));
        }
        return null;
    }

    private Object waitForConfirms() throws TimeoutException, InterruptedException {
        if (outcome == Outcome.TIME_OUT) {
            throw new TimeoutException("no confirm (test)");
        }
        if (outcome == Outcome.INTERRUPT) {
            throw new InterruptedException("interrupted (test)");
        }
        return null;
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getClientProvidedName" -> "test (publish)";
                    default -> throw new AssertionError("Connection." + method.getName());
                });
    }

    /** @return the channel with its connection's gate, as the connection group hands it out */
    ChannelWithGate withGate() {
        return new ChannelWithGate(channel, gate);
    }

    /** @return the gate of the channel's connection, which the test blocks as the broker would */
    PublishGate gate() {
        return gate;
    }

    /** @param next what the broker does with the publishes from now on */
    void answer(Outcome next) {
        outcome = next;
    }

    /** Makes the channel look closed, as after a lost connection. */
    void close() {
        open = false;
    }

    /** @return every publish that reached the channel, in order */
    List<Published> published() {
        return published;
    }

    /** @return how often the channel was put in confirm mode */
    int confirmSelects() {
        return confirmSelects;
    }
}
