// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.rabbitjca.it.transactional.Ending;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Sends through a JMS connection factory inside the container's transaction (REQUIRED), then ends it as asked. */
@Stateless
public class JmsSender {

    @Resource
    private SessionContext context;

    /**
     * @param factory the JNDI name of the JMS connection factory
     * @param queue the RabbitMQ queue
     * @param count how many text messages, {@code <prefix>-1} and on
     * @param prefix the bodies' prefix
     * @param ending how the transaction ends
     */
    public void send(String factory, String queue, int count, String prefix, Ending ending) throws NamingException {
        ConnectionFactory connections = (ConnectionFactory) new InitialContext().lookup(factory);
        try (JMSContext jms = connections.createContext()) {
            Queue destination = jms.createQueue(queue);
            for (int i = 1; i <= count; i++) {
                jms.createProducer().send(destination, prefix + "-" + i);
            }
        }
        if (ending == Ending.THROW) {
            throw new IllegalStateException("the test rolls this transaction back");
        }
        if (ending == Ending.ROLLBACK_ONLY) {
            context.setRollbackOnly();
        }
    }
}
