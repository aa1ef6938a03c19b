// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.jms.client.ConnectionParams;
import com.rabbitmq.jms.client.RMQConnection;
import com.rabbitmq.jms.client.RmqJmsContext;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitException;

import javax.naming.Reference;
import java.io.Serial;
import java.io.Serializable;

/**
 * The {@link ConnectionFactory} bound in JNDI for a JMS pool. Every {@code createConnection()} or
 * {@code createContext()} takes one channel from the container's pool (no TCP connection of its own) and gives it
 * back on {@code close()}. Thread-safe and stateless apart from its references.
 */
public final class PooledJmsConnectionFactory implements ConnectionFactory, QueueConnectionFactory,
        TopicConnectionFactory, Serializable, jakarta.resource.Referenceable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String CREDENTIALS = "A rabbitmq-jca JMS pool logs in as the user its properties name "
            + "(username and password on the pool or the adapter); per-call credentials are not supported: declare a "
            + "second pool for a second user";

    private final transient RabbitConnectionFactory channels;
    private final boolean confirms;
    private Reference reference;

    PooledJmsConnectionFactory(RabbitConnectionFactory channels, boolean confirms) {
        this.channels = channels;
        this.confirms = confirms;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return new JmsConnection(rabbitConnection());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        refuseCredentials(userName, password);
        return createConnection();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return new JmsConnection(rabbitConnection());
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        refuseCredentials(userName, password);
        return createQueueConnection();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return new JmsConnection(rabbitConnection());
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        refuseCredentials(userName, password);
        return createTopicConnection();
    }

    @Override
    public JMSContext createContext() {
        return createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        if (anyCredential(userName, password)) {
            throw new JMSSecurityRuntimeException(CREDENTIALS);
        }
        return createContext(sessionMode);
    }

    private static void refuseCredentials(String userName, String password) throws JMSSecurityException {
        if (anyCredential(userName, password)) {
            throw new JMSSecurityException(CREDENTIALS);
        }
    }

    /**
     * @return whether per-call credentials were given; none ({@code null}, {@code null}) means the pool's own: Open
     *         Liberty's injected {@code JMSContext} asks that way when the injection point names no user
     */
    private static boolean anyCredential(String userName, String password) {
        return userName != null || password != null;
    }

    /**
     * @param sessionMode ignored but for {@code DUPS_OK_ACKNOWLEDGE}: inside a Jakarta EE container a context is
     *        never locally transacted and never client-acknowledged (Jakarta Messaging, createContext)
     */
    @Override
    public JMSContext createContext(int sessionMode) {
        RMQConnection connection;
        try {
            connection = rabbitConnection();
        } catch (JMSException failure) {
            throw new JMSRuntimeException(failure.getMessage(), failure.getErrorCode(), failure.getCause());
        }
        return ContainerRestrictions.context(new RmqJmsContext(connection, JmsConnection.containerMode(sessionMode)));
    }

    /** @return a rabbitmq-jms connection over one pooled channel, which its {@code close()} gives back */
    private RMQConnection rabbitConnection() throws JMSException {
        RabbitConnection pooled;
        try {
            pooled = channels.getConnection();
        } catch (RabbitException failure) {
            JMSException translated = new JMSException(failure.getMessage());
            translated.setLinkedException(failure);
            translated.initCause(failure);
            throw translated;
        }
        return new RMQConnection(new ConnectionParams()
                .setRabbitConnection(PooledChannelConnection.of(pooled, confirms))
                // A text message sent to a queue keeps its type for the receiving bean, native or JMS.
                .setKeepTextMessageType(true)
                .setAmqpPropertiesCustomiser(new JmsHeadersToAmqp()));
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "JMS ConnectionFactory[" + channels + "]";
    }
}
