// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import com.rabbitmq.client.Channel;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Channel} that records acknowledgements and requeues ("ack 7", "requeue 7") and answers {@code isOpen};
 * every other method fails the test. A dynamic proxy, because the interface has over a hundred methods and
 * settlement uses three.
 */
final class RecordingChannel {

    private final List<String> settled = new ArrayList<>();
    private boolean open = true;
    private final Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(),
            new Class<?>[] {Channel.class}, (proxy, method, args) -> switch (method.getName()) {
                case "isOpen" -> open;
                case "basicAck" -> record("ack " + args[0]);
                case "basicNack" -> record(((Boolean) args[2] ? "requeue " : "drop ") + args[0]);
                case "toString" -> "RecordingChannel";
                default -> throw new AssertionError("settlement called Channel." + method.getName());
            });

    private Object record(String what) {
        settled.add(what);
        return null;
    }

    Channel channel() {
        return channel;
    }

    /** @return what was settled, in order */
    List<String> settled() {
        return settled;
    }

    /** Makes the channel look closed, as after a lost connection. */
    void close() {
        open = false;
    }
}
