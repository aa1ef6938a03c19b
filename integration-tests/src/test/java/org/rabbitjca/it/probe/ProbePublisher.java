// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import com.rabbitmq.client.AMQP;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.nio.charset.StandardCharsets;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Publishes through the probe application's pool ({@value #POOL}) the way an application does: a handle per call,
 * closed at once, in the caller's container transaction or a new one (so the message leaves at its commit). The
 * pool is looked up on use, not injected, so that a probe war without it still deploys.
 */
@Stateless
public class ProbePublisher {

    /** The JNDI name of the pool the probes publish through. */
    public static final String POOL = "java:app/rabbitmq/probe";

    /**
     * @param exchange the exchange
     * @param routingKey the routing key
     * @param mandatory whether an unroutable message is an error
     * @param body the text body
     */
    public void publish(String exchange, String routingKey, boolean mandatory, String body) {
        AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(body).build();
        try (RabbitConnection connection = factory().getConnection()) {
            connection.publish(exchange, routingKey, mandatory, persistent, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Like {@link #publish}, outside any transaction ({@code NOT_SUPPORTED}): the publish leaves at once, and its
     * failure reaches the caller from this method rather than from the commit.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishOutsideTransaction(String exchange, String routingKey, boolean mandatory, String body) {
        publish(exchange, routingKey, mandatory, body);
    }

    /** @return the factory, for probes that use the channel view */
    public RabbitConnectionFactory factory() {
        try {
            return InitialContext.doLookup(POOL);
        } catch (NamingException missing) {
            throw new IllegalStateException("the probe war declares no pool " + POOL, missing);
        }
    }
}
