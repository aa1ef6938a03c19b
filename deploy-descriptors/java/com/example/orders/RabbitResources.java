// SPDX-License-Identifier: Apache-2.0
package com.example.orders;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * A pool of RabbitMQ channels declared in code, portable across Jakarta EE servers, instead of in a server's
 * descriptor (glassfish-resources.xml, WildFly's resource-adapters subsystem, Liberty's server.xml). Copy this class
 * into your application, rename its package, and look the pool up as {@code java:app/rabbitmq/events}. The
 * annotation must sit on a component the server scans: an EJB (as here), a servlet, a JAX-RS resource.
 *
 * <p>Broker addresses, user and password come from the adapter's configuration (create-resource-adapter-config on
 * Payara), so the same application runs against any broker; a property set here overrides the adapter's for this
 * pool only. Every property: the configuration reference. Used as is by ejb-sample (its shipping bean publishes its
 * OrderShipped events through this pool), and so exercised by the sample's test.
 */
@ConnectionFactoryDefinition(
        // The JNDI name the application looks the pool up by; java:app/ keeps it to this application.
        name = "java:app/rabbitmq/events",
        // The native face; "jakarta.jms.ConnectionFactory" for the JMS face.
        interfaceName = "org.rabbitjca.api.RabbitConnectionFactory",
        // The adapter's name as deployed (deploy --name rabbitmq-jca on Payara; the .rar's name elsewhere).
        resourceAdapter = "rabbitmq-jca",
        // Always NoTransaction: publishes still follow the caller's JTA transaction (a synchronization, not XA).
        transactionSupport = TransactionSupportLevel.NoTransaction,
        // Channels opened on first use, at most 4 at once (4 publishes in flight; callers beyond wait).
        minPoolSize = 0,
        maxPoolSize = 4,
        properties = {
                // Shown by rabbitmqctl list_connections and the management UI, and names the pool in health and
                // metrics.
                "connectionName=ejb-sample-events",
                // publish() returns once the broker confirmed the message, within 5 s.
                "publisherConfirms=true",
                "confirmTimeoutMillis=5000",
                // A silent broker is declared dead after about two intervals.
                "requestedHeartbeatSeconds=30"
        })
@Singleton
public class RabbitResources {
}
