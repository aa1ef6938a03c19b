// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes resources as the Jakarta EE standard {@code WEB-INF/web.xml} declares them, for servers without a resource
 * file of their own: the {@code <data-source>} element (the descriptor form of {@code @DataSourceDefinition}), and
 * references that give a resource the server binds elsewhere an application's name ({@code <resource-ref>} and
 * {@code <resource-env-ref>} with a {@code <lookup-name>}).
 */
public final class StandardResources {

    /** The data source properties {@code <data-source>} has elements for, in the schema's order. */
    private static final Map<String, String> STANDARD_DATA_SOURCE_PROPERTIES = orderedMap("serverName",
            "server-name", "portNumber", "port-number", "databaseName", "database-name", "user", "user", "password",
            "password");

    private StandardResources() {
    }

    private static String webXml(List<String> elements) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s</web-app>
                """.formatted(String.join("", elements));
    }

    /**
     * Gives the war a {@code web.xml} with the application's names for the pools and destinations the server binds
     * elsewhere, and its JDBC pools; none when it declares none of them.
     *
     * @param war the application's archive
     * @param application the application
     * @param poolLookup where the server bound each of its pools
     * @param destinationLookup where the server bound each of its destinations
     * @throws IllegalArgumentException when the war has a {@code web.xml} of its own, which this would replace
     */
    public static void declare(WebArchive war, Application application, Function<ConnectorPool, String> poolLookup,
                               Function<AdminObject, String> destinationLookup) {
        List<String> elements = of(application, poolLookup, destinationLookup);
        if (elements.isEmpty()) {
            return;
        }
        if (war.contains("WEB-INF/web.xml")) {
            throw new IllegalArgumentException(application.name() + " has a web.xml of its own, which the launcher "
                    + "would replace with the references to its pools; declare them in one place");
        }
        war.setWebXML(new StringAsset(webXml(elements)));
    }

    private static List<String> of(Application application, Function<ConnectorPool, String> poolLookup,
                                   Function<AdminObject, String> destinationLookup) {
        List<String> elements = new ArrayList<>();
        application.pools().forEach(pool -> elements.add(resourceRef(pool.jndiName(), pool.connectionDefinition(),
                poolLookup.apply(pool))));
        application.adminObjects().forEach(destination -> elements.add(resourceEnvRef(destination.jndiName(),
                destination.interfaceName(), destinationLookup.apply(destination))));
        application.dataSources().forEach(pool -> elements.add(dataSource(pool)));
        return elements;
    }

    /** @return the {@code <data-source>} element of a JDBC pool, transactional */
    /**
     * The properties the schema has elements for are written as those (Open Liberty ignores them as {@code
     * <property>}s), in the schema's order; the rest as {@code <property>}s.
     */
    private static String dataSource(JdbcPool pool) {
        Map<String, String> others = new LinkedHashMap<>(pool.properties());
        String standard = STANDARD_DATA_SOURCE_PROPERTIES.entrySet().stream()
                .filter(element -> others.containsKey(element.getKey()))
                .map(element -> "    <" + element.getValue() + ">" + Xml.escape(others.remove(element.getKey())) + "</"
                        + element.getValue() + ">\n").collect(Collectors.joining());
        return """
                  <data-source>
                    <name>%s</name>
                    <class-name>%s</class-name>
                %s%s    <transactional>true</transactional>
                    <max-pool-size>%d</max-pool-size>
                  </data-source>
                """.formatted(Xml.escape(pool.jndiName()), Xml.escape(pool.dataSourceClass()), standard,
                properties(others), pool.maxPoolSize());
    }

    /**
     * @param name the application's name for it, e.g. {@code java:app/rabbitmq/orders}
     * @param type the connection factory's interface
     * @param lookup where the server bound it
     * @return a {@code <resource-ref>} element
     */
    private static String resourceRef(String name, String type, String lookup) {
        return """
                  <resource-ref>
                    <res-ref-name>%s</res-ref-name>
                    <res-type>%s</res-type>
                    <lookup-name>%s</lookup-name>
                  </resource-ref>
                """.formatted(Xml.escape(name), Xml.escape(type), Xml.escape(lookup));
    }

    /**
     * @param name the application's name for it, e.g. {@code java:app/jms/orders}
     * @param type the administered object's interface
     * @param lookup where the server bound it
     * @return a {@code <resource-env-ref>} element
     */
    private static String resourceEnvRef(String name, String type, String lookup) {
        return """
                  <resource-env-ref>
                    <resource-env-ref-name>%s</resource-env-ref-name>
                    <resource-env-ref-type>%s</resource-env-ref-type>
                    <lookup-name>%s</lookup-name>
                  </resource-env-ref>
                """.formatted(Xml.escape(name), Xml.escape(type), Xml.escape(lookup));
    }

    private static String properties(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> "    <property><name>" + Xml.escape(property.getKey())
                + "</name><value>" + Xml.escape(property.getValue()) + "</value></property>\n")
                .collect(Collectors.joining());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
