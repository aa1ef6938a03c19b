// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.ra;

import jakarta.resource.spi.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rabbitjca.inbound.RabbitActivationSpec;
import org.rabbitjca.jms.JmsActivationSpec;
import org.rabbitjca.jms.RabbitQueue;
import org.rabbitjca.jms.RabbitTopic;
import org.rabbitjca.outbound.RabbitManagedConnectionFactory;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration reference lists every property users can set, and each property has a getter. */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("../../src/site/markdown/configuration.md");
    /** Every class whose properties a deployer sets. */
    private static final List<Class<?>> CONFIGURED = List.of(RabbitResourceAdapter.class,
            RabbitManagedConnectionFactory.class, RabbitActivationSpec.class, JmsActivationSpec.class,
            RabbitQueue.class, RabbitTopic.class);

    @Test
    void everyConfigPropertyIsDocumentedInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        List<String> missing = new ArrayList<>();
        for (Class<?> bean : CONFIGURED) {
            for (String property : configProperties(bean)) {
                if (!reference.contains("| `" + property + "` |")) {
                    missing.add(bean.getSimpleName() + "." + property);
                }
            }
        }
        assertEquals(List.of(), missing, "properties missing from " + REFERENCE);
    }

    @Test
    void everyConfigPropertyHasAGetterOfItsType() throws Exception {
        // Payara takes a property's type from its getter; without one it skips non-String setters with a warning.
        for (Class<?> bean : CONFIGURED) {
            for (Method setter : bean.getMethods()) {
                if (setter.isAnnotationPresent(ConfigProperty.class)) {
                    Method getter = bean.getMethod("get" + setter.getName().substring(3));
                    assertEquals(setter.getParameterTypes()[0], getter.getReturnType(), getter.toString());
                    assertTrue(setter.getAnnotation(ConfigProperty.class).description().length > 0, setter.toString());
                }
            }
        }
    }

    private static List<String> configProperties(Class<?> bean) {
        List<String> properties = new ArrayList<>();
        for (Method method : bean.getMethods()) {
            if (method.isAnnotationPresent(ConfigProperty.class)) {
                String name = method.getName().substring(3);
                properties.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
        return properties;
    }
}
