// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.liberty;

import org.rabbitjca.testserver.AdminObject;
import org.rabbitjca.testserver.Application;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.Xml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes Open Liberty's {@code server.xml} for rabbitmq-jca: the features, the adapter ({@code resourceAdapter} with
 * id {@value #ADAPTER_ID}, its configuration as {@code properties.rabbitmq-jca}), every pool and destination, an
 * activation spec per message-driven bean (id {@code <application>/<bean>}: Liberty activates no bean without one),
 * the default datasource, and the applications, each given the adapter's classes.
 */
final class ServerXml {

    /** The adapter's id: the {@code properties.<id>} elements are named after it. */
    static final String ADAPTER_ID = "rabbitmq-jca";
    /**
     * The features: connectors and beans, what the probe wars use, and {@code messaging-3.1}, without which the
     * adapter's JMS classes cannot load and the adapter does not install.
     */
    private static final List<String> FEATURES = List.of("connectors-2.1", "mdb-4.0", "enterpriseBeansLite-4.0",
            "restfulWS-3.1", "cdi-4.0", "concurrent-3.0", "jndi-1.0", "jdbc-4.3", "persistence-3.1", "messaging-3.1");

    private final StringBuilder xml = new StringBuilder();

    /** @return the start of a server with the features and the HTTP endpoint on 127.0.0.1 */
    static ServerXml server(int httpPort, int httpsPort) {
        ServerXml server = new ServerXml();
        server.xml.append("<server>\n  <featureManager>\n");
        FEATURES.forEach(feature -> server.xml.append("    <feature>").append(feature).append("</feature>\n"));
        server.xml.append("  </featureManager>\n  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" "
                + "httpPort=\"" + httpPort + "\" httpsPort=\"" + httpsPort + "\"/>\n");
        return server;
    }

    /** Adds the adapter with its configuration. */
    ServerXml adapter(Path rar, Map<String, String> properties) {
        xml.append("  <resourceAdapter id=\"").append(ADAPTER_ID).append("\" location=\"").append(Xml.escape(
                rar.toString())).append("\">\n    ").append(properties(properties)).append("\n  </resourceAdapter>\n");
        return this;
    }

    /**
     * Adds a pool bound under {@code jndiName}. {@code purgePolicy="FailingConnectionOnly"}: Liberty's default,
     * {@code EntirePool}, destroys every channel of the pool when one fails (a channel error is routine), and does it
     * on amqp-client's connection thread, where closing an open channel waits for the broker's answer that this very
     * thread would read: that connection stalls for the close's timeout.
     */
    ServerXml pool(ConnectorPool pool, String jndiName) {
        String element = ConnectorPool.JMS.equals(pool.connectionDefinition()) ? "jmsConnectionFactory"
                : "connectionFactory";
        xml.append("  <").append(element).append(" jndiName=\"").append(Xml.escape(jndiName)).append("\">\n")
                .append("    <connectionManager purgePolicy=\"FailingConnectionOnly\" minPoolSize=\"0\" maxPoolSize=\"")
                .append(pool.maxPoolSize())
                .append("\" connectionTimeout=\"").append(pool.maxWaitMillis()).append("ms\" maxIdleTime=\"")
                .append(pool.idleTimeoutSeconds()).append("s\"/>\n    ").append(properties(pool.properties()))
                .append("\n  </").append(element).append(">\n");
        return this;
    }

    /** Adds a destination bound under {@code jndiName}. */
    ServerXml destination(AdminObject destination, String jndiName) {
        String element = "jakarta.jms.Topic".equals(destination.interfaceName()) ? "jmsTopic" : "jmsQueue";
        xml.append("  <").append(element).append(" jndiName=\"").append(Xml.escape(jndiName)).append("\">\n    ")
                .append(properties(destination.properties())).append("\n  </").append(element).append(">\n");
        return this;
    }

    /**
     * Adds a queue whose id is a JMS bean's {@code destination}: Liberty activates a bean only once an admin object
     * has the id or JNDI name its {@code destination} names (else {@code CNTR4016W}), and then hands the adapter
     * the name as it is. (A topic destination would need a {@code jmsTopic}; no test bean has one.)
     */
    ServerXml namedDestination(String destination) {
        xml.append("  <jmsQueue id=\"").append(Xml.escape(destination))
                .append("\" jndiName=\"rabbitmq-jca/destination/").append(Xml.escape(destination)).append("\">\n    ")
                .append(properties(Map.of("queueName", destination))).append("\n  </jmsQueue>\n");
        return this;
    }

    /** Adds the activation spec of a bean, with no properties: the bean's own activation config applies. */
    ServerXml activationSpec(String application, String bean, boolean jms) {
        String element = jms ? "jmsActivationSpec" : "activationSpec";
        xml.append("  <").append(element).append(" id=\"").append(Xml.escape(application + "/" + bean))
                .append("\">\n    ").append(properties(Map.of())).append("\n  </").append(element).append(">\n");
        return this;
    }

    /** Adds {@code java:comp/DefaultDataSource}: a PostgreSQL pool, the driver from {@code driver}. */
    ServerXml defaultDataSource(JdbcPool pool, Path driver) {
        xml.append("  <library id=\"postgresql\"><file name=\"").append(Xml.escape(driver.toString()))
                .append("\"/></library>\n  <dataSource id=\"DefaultDataSource\">\n    <jdbcDriver libraryRef="
                        + "\"postgresql\"/>\n    <properties.postgresql ")
                .append(pool.properties().entrySet().stream().map(property -> property.getKey() + "=\""
                        + Xml.escape(property.getValue()) + "\"").collect(Collectors.joining(" ")))
                .append("/>\n  </dataSource>\n");
        return this;
    }

    /**
     * Adds an application, deployed from {@code war}, with the adapter's classes visible to it, and the PostgreSQL
     * driver of {@link #defaultDataSource}: Liberty takes the driver of a {@code <data-source>} an application
     * declares only from a shared library, never from the application itself.
     */
    ServerXml application(Application application, Path war) {
        xml.append("  <webApplication id=\"").append(Xml.escape(application.name())).append("\" name=\"")
                .append(Xml.escape(application.name())).append("\" location=\"").append(Xml.escape(war.toString()))
                .append("\">\n    <classloader classProviderRef=\"").append(ADAPTER_ID)
                .append("\" commonLibraryRef=\"postgresql\"/>\n  </webApplication>\n");
        return this;
    }

    /** Adds elements as they are, e.g. from a {@code server.xml} users copy. */
    ServerXml elements(List<String> lines) {
        lines.forEach(line -> xml.append(line).append('\n'));
        return this;
    }

    /** @return the whole file */
    String end() {
        return xml + "</server>\n";
    }

    private static String properties(Map<String, String> properties) {
        return "<properties." + ADAPTER_ID + properties.entrySet().stream().map(property -> " " + property.getKey()
                + "=\"" + Xml.escape(property.getValue()) + "\"").collect(Collectors.joining()) + "/>";
    }
}
