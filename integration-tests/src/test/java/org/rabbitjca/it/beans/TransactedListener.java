// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;
import org.rabbitjca.it.probe.DeliveryLog;
import org.rabbitjca.it.probe.DeliveryTable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Container-transacted (the default for message-driven beans): writes a row per message of queue {@value #QUEUE}
 * to the default datasource in the delivery's transaction. The header {@value #ROLLBACK_FIRST} rolls back the
 * first try, {@value #ROLLBACK_ALWAYS} every try (three, then the dead-letter queue).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = TransactedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "3"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "50")
})
public class TransactedListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.transacted";
    /** Header that rolls back the first try. */
    public static final String ROLLBACK_FIRST = "rollback-first";
    /** Header that rolls back every try. */
    public static final String ROLLBACK_ALWAYS = "rollback-always";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Resource
    private MessageDrivenContext context;

    @EJB
    private DeliveryLog log;

    @Override
    public void onMessage(RabbitMessage message) throws SQLException {
        int attempt = log.attempt(QUEUE, message);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + DeliveryTable.NAME + " (message_id) VALUES (?)")) {
            insert.setString(1, message.properties().getMessageId());
            insert.executeUpdate();
        }
        Map<String, Object> headers = message.properties().getHeaders();
        boolean rollback = headers != null && (headers.containsKey(ROLLBACK_ALWAYS)
                || (attempt == 1 && headers.containsKey(ROLLBACK_FIRST)));
        if (rollback) {
            context.setRollbackOnly();
        } else {
            log.processed(QUEUE, message);
        }
    }
}
