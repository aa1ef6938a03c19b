// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

/** Names where a message went, the same way in every publish error message. */
final class PublishTarget {

    private PublishTarget() {
    }

    static String describe(String exchange, String routingKey, String channelDescription) {
        return "exchange '" + exchange + "' with routing key '" + routingKey + "' (" + channelDescription + ")";
    }
}
