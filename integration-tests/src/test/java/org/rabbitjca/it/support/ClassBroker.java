// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rabbitjca.testbroker.FaultProxy;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testbroker.RabbitNodeExtension;

/**
 * Chooses the RabbitMQ node the test class's server is configured for: the run's shared node, or, for a class
 * annotated {@link ServerWithOwnNode}, a node of its own that the class may crash, reached through a
 * {@link FaultProxy} that the class may cut; both closed after the class. Test classes run one after another, so one
 * current node at a time suffices.
 */
public final class ClassBroker implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClassBroker.class);
    private static volatile RabbitNode current;
    private static volatile FaultProxy proxy;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(ServerWithOwnNode.class)) {
            RabbitNode own = RabbitNode.start();
            context.getStore(NAMESPACE).put(RabbitNode.class, own);
            FaultProxy inFront = FaultProxy.start(own.amqpPort());
            context.getStore(NAMESPACE).put(FaultProxy.class, inFront);
            current = own;
            proxy = inFront;
        } else {
            current = RabbitNodeExtension.sharedNode();
            proxy = null;
        }
    }

    /** @return the port the server connects to: the proxy's, when there is one, else the node's */
    public static int amqpPort() {
        FaultProxy inFront = proxy;
        return inFront == null ? current().amqpPort() : inFront.port();
    }

    /** @return the proxy between the server and the class's own node */
    public static FaultProxy proxy() {
        FaultProxy inFront = proxy;
        if (inFront == null) {
            throw new IllegalStateException("Only a class annotated @ServerWithOwnNode has a proxy");
        }
        return inFront;
    }

    /** @return the node the current test class's server uses */
    public static RabbitNode current() {
        RabbitNode node = current;
        if (node == null) {
            throw new IllegalStateException("No broker node chosen: annotate the test class with "
                    + "@ServerWithSharedNode or @ServerWithOwnNode");
        }
        return node;
    }
}
