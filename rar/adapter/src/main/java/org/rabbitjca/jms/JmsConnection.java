// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import com.rabbitmq.jms.client.RMQConnection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * The application's JMS connection: one pooled channel, carrying at most one session at a time, as Jakarta
 * Messaging requires inside a Jakarta EE container. {@code close()} closes the session and gives the
 * channel back to the pool. The methods the container rules forbid are refused with the reason.
 */
public final class JmsConnection implements QueueConnection, TopicConnection {

    private final RMQConnection delegate;
    private Session session;

    JmsConnection(RMQConnection delegate) {
        this.delegate = delegate;
    }

    /**
     * @return the session mode a container session gets: never transacted, never client-acknowledged (a JTA
     *         transaction decides, or each send stands alone), so {@code AUTO_ACKNOWLEDGE} unless
     *         {@code DUPS_OK_ACKNOWLEDGE} was asked for
     */
    static int containerMode(int sessionMode) {
        return sessionMode == Session.DUPS_OK_ACKNOWLEDGE ? Session.DUPS_OK_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(acknowledgeMode);
    }

    @Override
    public synchronized Session createSession(int sessionMode) throws JMSException {
        if (session != null && !isClosed(session)) {
            throw new IllegalStateException("This JMS connection already has a session: inside a Jakarta EE "
                    + "container a connection carries one session (Jakarta Messaging). Close it, or take "
                    + "a second connection from the ConnectionFactory");
        }
        session = ContainerRestrictions.session(delegate.createSession(false, containerMode(sessionMode)));
        return session;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) createSession(acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (TopicSession) createSession(acknowledgeMode);
    }

    private static boolean isClosed(Session session) {
        try {
            session.getAcknowledgeMode();
            return false;
        } catch (JMSException closed) {
            return true;
        }
    }

    @Override
    public String getClientID() throws JMSException {
        return delegate.getClientID();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw ContainerRestrictions.refused("Connection.setClientID", ContainerRestrictions.CLIENT_ID);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        return delegate.getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        throw ContainerRestrictions.refused("Connection.getExceptionListener", ContainerRestrictions.LISTENER);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw ContainerRestrictions.refused("Connection.setExceptionListener", ContainerRestrictions.LISTENER);
    }

    @Override
    public void start() throws JMSException {
        delegate.start();
    }

    @Override
    public void stop() throws JMSException {
        throw ContainerRestrictions.refused("Connection.stop", "close the connection instead");
    }

    /** Closes the session, if any, and gives the channel back to the pool. Idempotent. */
    @Override
    public void close() throws JMSException {
        delegate.close();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumer();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumer();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumer();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
                                                             String messageSelector, ServerSessionPool sessionPool,
                                                             int maxMessages) throws JMSException {
        throw connectionConsumer();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                              String messageSelector, ServerSessionPool sessionPool,
                                                              int maxMessages) throws JMSException {
        throw connectionConsumer();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
                                                                    String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages)
            throws JMSException {
        throw connectionConsumer();
    }

    private static IllegalStateException connectionConsumer() {
        return ContainerRestrictions.refused("Connection.createConnectionConsumer", ContainerRestrictions.CONSUME);
    }

    @Override
    public String toString() {
        return "JmsConnection[" + delegate + "]";
    }
}
