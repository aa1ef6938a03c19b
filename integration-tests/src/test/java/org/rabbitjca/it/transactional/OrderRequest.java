// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

/**
 * One order as a test places it: a row in {@code table}, then {@code messages} messages
 * {@code <ref>-<i>} to the default exchange with routing key {@code routingKey}, spread over {@code handles} handles of
 * the pool, in one transaction.
 *
 * @param pool the JNDI name of the pool published through
 * @param dataSource the JNDI name of the data source the row goes to
 * @param table the table the row goes to: {@value OrderService#TABLE}, or {@value OrderService#DEFERRED_TABLE}
 * @param ref the order's key, unique in the table
 * @param routingKey the routing key (a queue name) of the messages
 * @param messages how many messages
 * @param handles over how many handles of the pool the messages are spread
 * @param mandatory whether the messages are mandatory
 * @param async whether they are published with {@code publishAsync}
 * @param pauseBeforeCommit whether the method waits, after publishing, until the test lets it go on
 * @param ending how the method ends
 */
public record OrderRequest(String pool, String dataSource, String table, String ref, String routingKey, int messages,
                           int handles, boolean mandatory, boolean async, boolean pauseBeforeCommit, Ending ending) {
}
