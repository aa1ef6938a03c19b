// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

/**
 * Chooses the RabbitMQ node the test class's Payara Micro is configured for: the run's shared node, or, for a class
 * annotated {@link MicroWithOwnBroker}, a node of its own that the class may crash, closed after the class.
 * Test classes run one after another, so one current node at a time suffices.
 */
public final class MicroBrokerNode implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MicroBrokerNode.class);
    private static volatile RabbitNode current;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(MicroWithOwnBroker.class)) {
            RabbitNode own = RabbitNode.start();
            context.getStore(NAMESPACE).put(RabbitNode.class, own);
            current = own;
        } else {
            current = RabbitNodeExtension.sharedNode();
        }
    }

    /** @return the node the current test class's Payara Micro uses */
    public static RabbitNode current() {
        RabbitNode node = current;
        if (node == null) {
            throw new IllegalStateException("No broker node chosen: annotate the test class with "
                    + "@MicroWithPrivateBroker or @MicroWithOwnBroker");
        }
        return node;
    }
}
