// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import java.util.Map;
import java.util.stream.Collectors;

/** Pieces of {@code ejb-jar.xml} that tests write to override a message-driven bean's annotations. */
public final class EjbJarXml {

    private EjbJarXml() {
    }

    /**
     * @param properties activation config property names and values
     * @return the {@code activation-config-property} elements, to go inside {@code activation-config}
     */
    public static String activationConfigProperties(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> """
                        <activation-config-property>
                          <activation-config-property-name>%s</activation-config-property-name>
                          <activation-config-property-value>%s</activation-config-property-value>
                        </activation-config-property>""".formatted(property.getKey(), property.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
