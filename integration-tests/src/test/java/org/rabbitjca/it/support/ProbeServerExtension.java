// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rabbitjca.it.beans.CountingListener;
import org.rabbitjca.it.beans.OrderedListener;
import org.rabbitjca.it.beans.PoisonListener;
import org.rabbitjca.it.beans.RecoveryListener;
import org.rabbitjca.it.beans.RoutedListener;
import org.rabbitjca.it.beans.SlowSingleListener;
import org.rabbitjca.it.beans.TransactedListener;

import java.util.List;

/**
 * Starts one server per test class, before its tests, with the standard probe war: the probes, the standard beans,
 * the probes' pool ({@link ProbedServer#probePool()}), the application exceptions of the {@code ejb-jar.xml}
 * users copy, and the {@code rabbitmq-jca-microprofile} jar users bundle for health and metrics; stopped after the
 * class. The broker is the one {@link ClassBroker} chose.
 */
public final class ProbeServerExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ProbeServerExtension.class);
    private static volatile ProbedServer current;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ProbedServer server = ProbedServer.named(context.getRequiredTestClass().getSimpleName())
                .adapterPort(ClassBroker.amqpPort()).pools(List.of(ProbedServer.probePool()))
                .beans(CountingListener.class, OrderedListener.class, PoisonListener.class, RecoveryListener.class,
                        RoutedListener.class, SlowSingleListener.class, TransactedListener.class)
                .ejbJar(EjbJarXml.withUsersApplicationExceptions())
                .libraries(ProbedServer.microprofileJar())
                .jvmOptions("-Xmx768m").start();
        context.getStore(NAMESPACE).put(ProbedServer.class, (ExtensionContext.Store.CloseableResource) server::close);
        current = server;
    }

    /** @return the current test class's server */
    public static ProbedServer current() {
        ProbedServer server = current;
        if (server == null) {
            throw new IllegalStateException("No server: annotate the test class with @ServerWithSharedNode or "
                    + "@ServerWithOwnNode");
        }
        return server;
    }
}
