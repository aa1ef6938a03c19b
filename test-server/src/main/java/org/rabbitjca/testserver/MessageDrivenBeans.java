// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message-driven beans of a war, found the way the container finds them (annotated classes, and beans that its
 * {@code ejb-jar.xml} adds), for the servers that bind a bean to the adapter by its name: Liberty activates a bean
 * only when its configuration has an activation spec named after it, GlassFish hands a Jakarta Messaging bean to
 * its own JMS adapter unless its {@code glassfish-ejb-jar.xml} names another.
 */
public final class MessageDrivenBeans {

    private static final Pattern ADDED = Pattern.compile(
            "<ejb-name>([^<]+)</ejb-name>\\s*<ejb-class>([^<]+)</ejb-class>");

    private MessageDrivenBeans() {
    }

    /**
     * A message-driven bean of a war.
     *
     * @param name its ejb-name
     * @param jms whether it is a Jakarta Messaging bean ({@code jakarta.jms.MessageListener})
     * @param destination the queue or topic its annotation's {@code destination} activation property names, or
     *                    {@code null} (none, or a bean only the {@code ejb-jar.xml} describes)
     */
    public record Bean(String name, boolean jms, String destination) {
    }

    /**
     * @param war the war
     * @return its beans, by name
     */
    public static Map<String, Bean> of(WebArchive war) throws IOException {
        Map<String, Bean> beans = new LinkedHashMap<>();
        for (ArchivePath path : war.getContent().keySet()) {
            String name = path.get();
            if (name.startsWith("/WEB-INF/classes/") && name.endsWith(".class")) {
                Class<?> type = load(name.substring("/WEB-INF/classes/".length(), name.length() - 6)
                        .replace('/', '.'));
                MessageDriven bean = type == null ? null : type.getAnnotation(MessageDriven.class);
                if (bean != null) {
                    String beanName = bean.name().isEmpty() ? type.getSimpleName() : bean.name();
                    String destination = Arrays.stream(bean.activationConfig())
                            .filter(property -> "destination".equals(property.propertyName()))
                            .map(ActivationConfigProperty::propertyValue).findFirst().orElse(null);
                    beans.put(beanName, new Bean(beanName, isJms(type), destination));
                }
            }
        }
        Node descriptor = war.get("/WEB-INF/ejb-jar.xml");
        if (descriptor != null && descriptor.getAsset() != null) {
            try (InputStream in = descriptor.getAsset().openStream()) {
                Matcher added = ADDED.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (added.find()) {
                    Class<?> type = load(added.group(2).strip());
                    String beanName = added.group(1).strip();
                    beans.put(beanName, new Bean(beanName, type != null && isJms(type), null));
                }
            }
        }
        return beans;
    }

    private static boolean isJms(Class<?> type) {
        return jakarta.jms.MessageListener.class.isAssignableFrom(type);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, MessageDrivenBeans.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notHere) {
            return null;
        }
    }
}
