// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code ejb-jar.xml} that tests write to override message-driven beans' activation config, or add beans. */
public final class EjbJarXml {

    /** The {@code ejb-jar.xml} users copy, relative to this module. */
    static final String USERS_DESCRIPTOR = "../deploy-descriptors/ejb-jar.xml";

    private EjbJarXml() {
    }

    /**
     * @param beans {@code message-driven} elements, from {@link #overriding} and {@link #adding}
     * @return the whole descriptor
     */
    public static String of(String... beans) {
        return """
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  <enterprise-beans>
                %s
                  </enterprise-beans>
                </ejb-jar>
                """.formatted(String.join("\n", beans));
    }

    /**
     * @return a descriptor with only the {@code assembly-descriptor} of the {@code ejb-jar.xml} users copy
     *         ({@value #USERS_DESCRIPTOR}): the adapter's exceptions as application exceptions
     */
    public static String withUsersApplicationExceptions() throws IOException {
        String users = Files.readString(Path.of(USERS_DESCRIPTOR));
        int start = users.indexOf("<assembly-descriptor>");
        int end = users.indexOf("</assembly-descriptor>");
        if (start < 0 || end < start) {
            throw new IllegalStateException(USERS_DESCRIPTOR + " has no assembly-descriptor");
        }
        return """
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  %s
                </ejb-jar>
                """.formatted(users.substring(start, end + "</assembly-descriptor>".length()));
    }

    /**
     * @param ejbName the name of an annotated bean (its simple class name unless the annotation names it)
     * @param activationConfig properties that replace or add to the annotation's
     * @return the bean's {@code message-driven} element
     */
    public static String overriding(String ejbName, Map<String, String> activationConfig) {
        return messageDriven("<ejb-name>" + ejbName + "</ejb-name>", activationConfig);
    }

    /**
     * @param ejbName the new bean's name
     * @param listenerClass its class, a {@code RabbitMessageListener}, which may already be a bean of its own
     * @param activationConfig its activation config
     * @return the bean's {@code message-driven} element
     */
    public static String adding(String ejbName, Class<?> listenerClass, Map<String, String> activationConfig) {
        return messageDriven("<ejb-name>" + ejbName + "</ejb-name>\n      <ejb-class>" + listenerClass.getName()
                + "</ejb-class>\n      <messaging-type>org.rabbitjca.api.RabbitMessageListener</messaging-type>",
                activationConfig);
    }

    private static String messageDriven(String identity, Map<String, String> activationConfig) {
        String properties = activationConfig.entrySet().stream().map(property -> """
                        <activation-config-property>
                          <activation-config-property-name>%s</activation-config-property-name>
                          <activation-config-property-value>%s</activation-config-property-value>
                        </activation-config-property>""".formatted(property.getKey(), property.getValue()))
                .collect(Collectors.joining("\n"));
        return """
                    <message-driven>
                      %s
                      <activation-config>
                %s
                      </activation-config>
                    </message-driven>""".formatted(identity, properties);
    }
}
