// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.Connection;
import jakarta.resource.spi.ManagedConnectionMetaData;

/** What the container shows about a pooled channel: the broker product and version, and the user. */
final class ChannelMetaData implements ManagedConnectionMetaData {

    private final Connection connection;
    private final String userName;

    ChannelMetaData(Connection connection, String userName) {
        this.connection = connection;
        this.userName = userName;
    }

    @Override
    public String getEISProductName() {
        return serverProperty("product", "RabbitMQ");
    }

    @Override
    public String getEISProductVersion() {
        return serverProperty("version", "unknown");
    }

    @Override
    public int getMaxConnections() {
        return connection.getChannelMax();
    }

    @Override
    public String getUserName() {
        return userName;
    }

    private String serverProperty(String name, String fallback) {
        Object value = connection.getServerProperties() == null ? null : connection.getServerProperties().get(name);
        return value == null ? fallback : value.toString();
    }
}
