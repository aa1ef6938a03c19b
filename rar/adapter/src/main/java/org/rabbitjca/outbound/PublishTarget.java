// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

/** Names where a message went, the same way in every publish error message. */
final class PublishTarget {

    private PublishTarget() {
    }

    /** @return e.g. {@code exchange 'orders' with routing key 'eu.new' (channel 7 on connection 'app (publish)')} */
    static String describe(String exchange, String routingKey, String channelDescription) {
        return describe(exchange, routingKey) + " (" + channelDescription + ")";
    }

    /** @return e.g. {@code exchange 'orders' with routing key 'eu.new'}, for a message that names the channel apart */
    static String describe(String exchange, String routingKey) {
        return "exchange '" + exchange + "' with routing key '" + routingKey + "'";
    }
}
