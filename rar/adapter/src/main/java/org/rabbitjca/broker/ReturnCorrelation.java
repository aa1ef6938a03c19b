// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The header {@value #HEADER} that ties a returned {@code mandatory} message to its publish. A {@code basic.return}
 * carries the message but no delivery tag or sequence number, and confirms of other messages may be outstanding
 * before and after it, so nothing else identifies which publish came back (Spring AMQP adds a header for the same
 * reason). Only mandatory publishes carry it; the adapter's own message-driven beans never see it, other consumers
 * do.
 */
public final class ReturnCorrelation {

    /** The header carrying the channel's publish sequence number of a mandatory message. */
    public static final String HEADER = "x-rabbitjca-publish-seq";

    private ReturnCorrelation() {
    }

    /**
     * @param properties the application's properties, or {@code null}
     * @param sequenceNumber the publish sequence number
     * @return new properties carrying the header; the application's are not changed
     */
    public static AMQP.BasicProperties tag(AMQP.BasicProperties properties, long sequenceNumber) {
        AMQP.BasicProperties base = properties == null ? new AMQP.BasicProperties() : properties;
        Map<String, Object> headers = base.getHeaders() == null ? new HashMap<>() : new HashMap<>(base.getHeaders());
        headers.put(HEADER, sequenceNumber);
        return base.builder().headers(headers).build();
    }

    /** @return the sequence number a returned message carries, if it carries one */
    public static OptionalLong sequenceOf(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        return headers != null && headers.get(HEADER) instanceof Number sequence ? OptionalLong.of(sequence.longValue())
                : OptionalLong.empty();
    }

    /**
     * @param properties a delivered message's properties
     * @return the same properties when they carry no header, else a copy without it
     */
    public static AMQP.BasicProperties untag(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        if (headers == null || !headers.containsKey(HEADER)) {
            return properties;
        }
        Map<String, Object> others = new HashMap<>(headers);
        others.remove(HEADER);
        return properties.builder().headers(others.isEmpty() ? null : others).build();
    }
}
