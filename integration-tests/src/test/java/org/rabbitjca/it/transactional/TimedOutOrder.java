// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import org.rabbitjca.api.RabbitConnection;

import java.nio.charset.StandardCharsets;

/** An order whose transaction outlives its timeout: row and messages, then too long a pause before the commit. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class TimedOutOrder {

    @Resource
    private UserTransaction transaction;

    /**
     * Begins a transaction with a one-second timeout, writes the row, publishes three messages, outlives the timeout
     * and commits.
     *
     * @return {@code committed}, or {@code rolledBack} when the commit found the transaction timed out
     */
    public String place(String ref, String routingKey) throws Exception {
        transaction.setTransactionTimeout(1);
        transaction.begin();
        try {
            OrderService.insert(OrderService.NON_XA, OrderService.TABLE, ref);
            try (RabbitConnection connection = OrderService.factory("java:app/rabbitmq/probe").getConnection()) {
                for (int i = 1; i <= 3; i++) {
                    connection.publish("", routingKey, null, (ref + "-" + i).getBytes(StandardCharsets.UTF_8));
                }
            }
            Thread.sleep(2_000); // the fault itself: the transaction outlives its timeout
            transaction.commit();
            return "committed";
        } catch (RollbackException timedOut) {
            return "rolledBack";
        } finally {
            transaction.setTransactionTimeout(0);
        }
    }
}
