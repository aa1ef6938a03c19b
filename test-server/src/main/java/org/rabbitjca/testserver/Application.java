// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.List;

/**
 * A web application to deploy after the adapter, with the pools it declares for itself: a {@link ServerLauncher}
 * adds them to the archive the server's way (e.g. {@code WEB-INF/glassfish-resources.xml} on Payara).
 *
 * @param name the application's name, which is also its context root
 * @param archive its classes and descriptors, without the pool descriptor
 * @param pools the pools it declares ({@code java:app/} names)
 * @param dataSources the JDBC pools it declares ({@code java:app/} names)
 * @param adminObjects the JMS destinations it declares ({@code java:app/} names)
 * @param redeployable whether a test may {@link RunningServer#redeploy} it (deployed exploded, not as one file)
 */
public record Application(String name, WebArchive archive, List<ConnectorPool> pools, List<JdbcPool> dataSources,
                          List<AdminObject> adminObjects, boolean redeployable) {

    /** Copies the pools so the record stays immutable. */
    public Application {
        pools = List.copyOf(pools);
        dataSources = List.copyOf(dataSources);
        adminObjects = List.copyOf(adminObjects);
    }

    /** @return an application deployed once, from one file, without JDBC pools or destinations */
    public static Application of(String name, WebArchive archive, List<ConnectorPool> pools) {
        return new Application(name, archive, pools, List.of(), List.of(), false);
    }

    /** @return this application, deployed so that a test may redeploy it */
    public Application asRedeployable() {
        return new Application(name, archive, pools, dataSources, adminObjects, true);
    }

    /** @return this application, declaring these JDBC pools too */
    public Application withDataSources(List<JdbcPool> jdbcPools) {
        return new Application(name, archive, pools, jdbcPools, adminObjects, redeployable);
    }

    /** @return this application, declaring these JMS destinations too */
    public Application withAdminObjects(List<AdminObject> destinations) {
        return new Application(name, archive, pools, dataSources, destinations, redeployable);
    }

    /**
     * @return where a server that has no resources of an application's own binds this pool of the application in
     *         its namespace, for the application to refer to it under its own name: {@code
     *         rabbitmq-jca/<application>/<pool>}
     */
    public String serverName(ConnectorPool pool) {
        return "rabbitmq-jca/" + name + "/" + pool.name();
    }

    /** @return the same for a destination of the application, made of its JNDI name */
    public String serverName(AdminObject destination) {
        return "rabbitmq-jca/" + name + "/" + destination.jndiName().replaceAll("\\W", "-");
    }
}
