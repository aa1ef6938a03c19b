// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

/**
 * The base of the test classes that publish inside transactions: one {@link TransactionalServer} per class, named
 * after it, on the run's shared node.
 */
@ExtendWith(RabbitNodeExtension.class)
public abstract class TransactionalServerTests {

    /** The run's shared node. */
    protected static RabbitNode node;
    /** The class's server. */
    protected static TransactionalServer server;

    @BeforeAll
    static void startServer(TestInfo test) throws Exception {
        node = RabbitNodeExtension.sharedNode();
        server = TransactionalServer.start(test.getTestClass().orElseThrow().getSimpleName(), node);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    /** @return the queue, declared durable on the node and emptied */
    protected static String emptyQueue(String queue) throws Exception {
        BrokerClient.declareEmpty(node, queue, null);
        return queue;
    }
}
