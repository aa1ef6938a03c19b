// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.soak;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * In a container transaction (the default): inserts one row per message through the non-XA PostgreSQL pool, so
 * that the row commits, and the delivery is acknowledged, together.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = DatabaseTransactedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "50"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "10")
})
public class DatabaseTransactedListener implements RabbitMessageListener {

    /** The queue it consumes. */
    public static final String QUEUE = "bench.consume.db";
    /** JNDI name of the non-XA PostgreSQL pool. */
    public static final String DATA_SOURCE = "java:app/jdbc/soak";

    @Resource(lookup = DATA_SOURCE)
    private DataSource database;

    @Override
    public void onMessage(RabbitMessage message) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO soak_rows (message_id, body_bytes) VALUES (?, ?)")) {
            insert.setString(1, message.properties().getMessageId());
            insert.setInt(2, message.body().length);
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new EJBException("cannot insert " + message.properties().getMessageId(), failure);
        }
    }
}
