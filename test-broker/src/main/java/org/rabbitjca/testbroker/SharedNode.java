// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

/**
 * The test run's shared node as a value of the root extension-context store: JUnit (5.13 and later) closes
 * {@link AutoCloseable} store values when their context closes, here at the end of the run. Publishes the node
 * for {@link RabbitNodeExtension#sharedNode()} while it lives.
 */
final class SharedNode implements AutoCloseable {

    private static volatile RabbitNode current;

    private final RabbitNode node;

    private SharedNode(RabbitNode node) {
        this.node = node;
    }

    /** Starts the node; called once per run, by the store. */
    static SharedNode start() {
        SharedNode shared = new SharedNode(RabbitNode.start());
        current = shared.node;
        return shared;
    }

    /** @return the running shared node, or {@code null} before the first start and after the end of the run */
    static RabbitNode current() {
        return current;
    }

    RabbitNode node() {
        return node;
    }

    @Override
    public void close() {
        current = null;
        node.close();
    }
}
