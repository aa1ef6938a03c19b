// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes resources as the Jakarta EE standard {@code WEB-INF/web.xml} declares them, for servers without a resource
 * file of their own: the {@code <data-source>} element (the descriptor form of {@code @DataSourceDefinition}), and
 * references that give a resource the server binds elsewhere an application's name ({@code <resource-ref>} and
 * {@code <resource-env-ref>} with a {@code <lookup-name>}).
 */
public final class StandardResources {

    private StandardResources() {
    }

    /**
     * @param elements the elements, each from a method of this class
     * @return the whole {@code web.xml}, declaring nothing else
     */
    public static String webXml(List<String> elements) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s</web-app>
                """.formatted(String.join("", elements));
    }

    /** @return the {@code <data-source>} element of a JDBC pool, transactional */
    public static String dataSource(JdbcPool pool) {
        return """
                  <data-source>
                    <name>%s</name>
                    <class-name>%s</class-name>
                %s    <transactional>true</transactional>
                    <max-pool-size>%d</max-pool-size>
                  </data-source>
                """.formatted(text(pool.jndiName()), text(pool.dataSourceClass()), properties(pool.properties()),
                pool.maxPoolSize());
    }

    /**
     * @param name the application's name for it, e.g. {@code java:app/rabbitmq/orders}
     * @param type the connection factory's interface
     * @param lookup where the server bound it
     * @return a {@code <resource-ref>} element
     */
    public static String resourceRef(String name, String type, String lookup) {
        return """
                  <resource-ref>
                    <res-ref-name>%s</res-ref-name>
                    <res-type>%s</res-type>
                    <lookup-name>%s</lookup-name>
                  </resource-ref>
                """.formatted(text(name), text(type), text(lookup));
    }

    /**
     * @param name the application's name for it, e.g. {@code java:app/jms/orders}
     * @param type the administered object's interface
     * @param lookup where the server bound it
     * @return a {@code <resource-env-ref>} element
     */
    public static String resourceEnvRef(String name, String type, String lookup) {
        return """
                  <resource-env-ref>
                    <resource-env-ref-name>%s</resource-env-ref-name>
                    <resource-env-ref-type>%s</resource-env-ref-type>
                    <lookup-name>%s</lookup-name>
                  </resource-env-ref>
                """.formatted(text(name), text(type), text(lookup));
    }

    private static String properties(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> "    <property><name>" + text(property.getKey())
                + "</name><value>" + text(property.getValue()) + "</value></property>\n")
                .collect(Collectors.joining());
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;");
    }
}
