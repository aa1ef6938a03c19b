// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a RabbitMQ node: one node shared by every test class of the run, started
 * before the first class that uses the extension and stopped at the end of the run (a JVM shutdown hook kills it
 * if the run does not end normally).
 *
 * <pre>{@code
 * @ExtendWith(RabbitNodeExtension.class)
 * class OrdersIT {
 *     @Test
 *     void publishes(RabbitNode node) { ... node.queueMessageCount("orders") ... }
 *
 *     @Test
 *     void survivesCrash(@PrivateNode RabbitNode own) { own.kill9(); own.restart(); ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>A parameter of type {@link RabbitNode} (test, lifecycle method or constructor) receives the shared node.
 *       Tests that use it must leave it running and clean up their queues; a test that disturbs the broker
 *       takes a {@link PrivateNode @PrivateNode} parameter, or runs {@link RabbitNode#start()} itself in
 *       try-with-resources.</li>
 *   <li>{@link #sharedNode()} returns the shared node where no parameter can be injected, e.g. in a static
 *       Arquillian {@code @Deployment} method. Register this extension <em>before</em> Arquillian's, so its
 *       {@code beforeAll} runs first: {@code @ExtendWith({RabbitNodeExtension.class, ArquillianExtension.class})}.
 *   </li>
 * </ul>
 *
 * <p>Nodes started by this extension need what {@link RabbitNode#start()} needs: the installed
 * {@code rabbitmq-server} and root. Safe with parallel test execution: the shared node is created once.
 */
public final class RabbitNodeExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RabbitNodeExtension.class);

    /** Starts the shared node unless an earlier class of this run did. */
    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    /** Resolves parameters of type {@link RabbitNode}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RabbitNode.class;
    }

    /**
     * @return the shared node, or for a {@link PrivateNode} parameter a new node that the current extension
     *         context closes
     */
    @Override
    public RabbitNode resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.isAnnotated(PrivateNode.class)) {
            RabbitNode own = RabbitNode.start();
            context.getStore(NAMESPACE).put(parameter.getParameter(), own);
            return own;
        }
        return shared(context);
    }

    /**
     * @return the run's shared node
     * @throws IllegalStateException if no test class using this extension has started yet, or the run ended
     */
    public static RabbitNode sharedNode() {
        RabbitNode node = SharedNode.current();
        if (node == null) {
            throw new IllegalStateException("No shared RabbitMQ test node is running: sharedNode() works after"
                    + " RabbitNodeExtension's beforeAll. Annotate the test class with @ExtendWith(RabbitNodeExtension"
                    + ".class), listed before extensions that call it, such as Arquillian's.");
        }
        return node;
    }

    private static RabbitNode shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedNode.class, type -> SharedNode.start(), SharedNode.class)
                .node();
    }
}
