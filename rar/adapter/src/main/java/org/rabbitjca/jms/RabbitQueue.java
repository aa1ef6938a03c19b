// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Queue;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;

import java.io.Serial;

/**
 * A JMS {@link Queue} that is a RabbitMQ queue: a send publishes to the default exchange with the queue's name as
 * routing key, with plain AMQP bodies that any AMQP client reads (rabbitmq-jms's "amqp" destinations). The queue
 * must exist: a send to a queue that does not fails (the publish is mandatory when the pool has confirms).
 * Declare it as an admin object, e.g. {@code admin-object-resource res-type="jakarta.jms.Queue"} with property
 * {@code queueName}.
 */
@AdministeredObject(adminObjectInterfaces = Queue.class)
public class RabbitQueue extends RMQDestination {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @return the JMS queue that is the RabbitMQ queue of that name */
    static RabbitQueue named(String queueName) {
        RabbitQueue queue = new RabbitQueue();
        queue.setQueueName(queueName);
        return queue;
    }

    /** @param queueName see the description */
    @ConfigProperty(description = "The RabbitMQ queue this JMS queue sends to. It must exist: declare it with "
            + "the broker's definitions, or with the declareQueue property of the message-driven bean that "
            + "consumes it.")
    public void setQueueName(String queueName) {
        setAmqp(true);
        setDestinationName(queueName);
        setAmqpExchangeName("");
        setAmqpRoutingKey(queueName);
        setAmqpQueueName(queueName);
    }

    @Override
    public String toString() {
        return "queue '" + getDestinationName() + "'";
    }
}
