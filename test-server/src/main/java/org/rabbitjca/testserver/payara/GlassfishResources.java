// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.AdminObject;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.Xml;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes an application's resources into the {@code WEB-INF/glassfish-resources.xml} of Payara and GlassFish. */
public final class GlassfishResources {

    /** The public id of the descriptor's DTD. */
    private static final String PUBLIC_ID =
            "\"-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN\"";

    private GlassfishResources() {
    }

    /**
     * @param application the application
     * @return its archive as Payara and GlassFish deploy it: with its {@code glassfish-resources.xml} ({@link
     *         #declare}) and its JMS beans bound to the adapter ({@link MessageDrivenBeanBinding})
     */
    public static WebArchive archive(Application application) throws IOException {
        WebArchive archive = ShrinkWrap.create(WebArchive.class, application.name() + ".war")
                .merge(application.archive());
        declare(archive, application);
        MessageDrivenBeanBinding.declare(archive);
        return archive;
    }

    /**
     * Gives the archive a {@code WEB-INF/glassfish-resources.xml} with the application's pools and destinations;
     * none when it declares none.
     *
     * @param archive the application's archive
     * @param application the application
     */
    static void declare(WebArchive archive, Application application) {
        if (!application.pools().isEmpty() || !application.dataSources().isEmpty()
                || !application.adminObjects().isEmpty()) {
            archive.addAsWebInfResource(new StringAsset(xml(application.pools(), application.dataSources(),
                    application.adminObjects())), "glassfish-resources.xml");
        }
    }

    /**
     * @param pools the pools to declare
     * @return the whole {@code glassfish-resources.xml}
     */
    public static String xml(List<ConnectorPool> pools) {
        return xml(pools, List.of(), List.of());
    }

    /**
     * @param pools the adapter's pools to declare
     * @param dataSources the JDBC pools to declare
     * @param adminObjects the JMS destinations to declare
     * @return the whole {@code glassfish-resources.xml}
     */
    public static String xml(List<ConnectorPool> pools, List<JdbcPool> dataSources, List<AdminObject> adminObjects) {
        return """
                <!DOCTYPE resources PUBLIC %s
                        "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                <resources>
                %s%s%s</resources>
                """.formatted(PUBLIC_ID, pools.stream().map(GlassfishResources::xml).collect(Collectors.joining()),
                dataSources.stream().map(GlassfishResources::xml).collect(Collectors.joining()),
                adminObjects.stream().map(GlassfishResources::xml).collect(Collectors.joining()));
    }

    private static String xml(AdminObject destination) {
        return """
                  <admin-object-resource jndi-name="%1$s" res-type="%2$s" res-adapter="%3$s" class-name="%4$s">
                %5$s  </admin-object-resource>
                """.formatted(Xml.escape(destination.jndiName()), Xml.escape(destination.interfaceName()),
                AdminCommands.ADAPTER_NAME, Xml.escape(destination.className()),
                propertyElements(destination.properties()));
    }

    private static String xml(JdbcPool pool) {
        return """
                  <jdbc-connection-pool name="%1$s" res-type="%2$s" datasource-classname="%3$s"
                      steady-pool-size="0" max-pool-size="%4$d">
                %5$s  </jdbc-connection-pool>
                  <jdbc-resource jndi-name="%6$s" pool-name="%1$s"/>
                """.formatted(Xml.escape(pool.name()), pool.xa() ? "javax.sql.XADataSource" : "javax.sql.DataSource",
                Xml.escape(pool.dataSourceClass()), pool.maxPoolSize(), propertyElements(pool.properties()),
                Xml.escape(pool.jndiName()));
    }

    private static String propertyElements(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> "    <property name=\""
                + Xml.escape(property.getKey()) + "\" value=\"" + Xml.escape(property.getValue()) + "\"/>\n")
                .collect(Collectors.joining());
    }

    private static String xml(ConnectorPool pool) {
        String propertyElements = propertyElements(pool.properties());
        return """
                  <connector-connection-pool name="%1$s" resource-adapter-name="%7$s"
                      connection-definition-name="%8$s"
                      steady-pool-size="0" max-pool-size="%2$d" max-wait-time-in-millis="%3$d"
                      idle-timeout-in-seconds="%4$d">
                %5$s  </connector-connection-pool>
                  <connector-resource jndi-name="%6$s" pool-name="%1$s"/>
                """.formatted(Xml.escape(pool.name()), pool.maxPoolSize(), pool.maxWaitMillis(),
                pool.idleTimeoutSeconds(), propertyElements, Xml.escape(pool.jndiName()), AdminCommands.ADAPTER_NAME,
                Xml.escape(pool.connectionDefinition()));
    }
}
