// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.testserver.MessageDrivenBeans;
import org.rabbitjca.testserver.Xml;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds a war's Jakarta Messaging beans to rabbitmq-jca in its {@code WEB-INF/glassfish-ejb-jar.xml}, as users do
 * on Payara and GlassFish ({@code deploy-descriptors/payara/glassfish-ejb-jar.xml}): both hand a bean of {@code
 * jakarta.jms.MessageListener} to their own JMS adapter unless told otherwise. A bean of the adapter's own listener
 * type needs no binding.
 */
public final class MessageDrivenBeanBinding {

    private MessageDrivenBeanBinding() {
    }

    /**
     * @param war the application's archive; nothing is added when it has no Jakarta Messaging bean
     * @throws IllegalArgumentException when the war has a {@code glassfish-ejb-jar.xml} of its own
     */
    public static void declare(WebArchive war) throws IOException {
        List<String> jmsBeans = MessageDrivenBeans.of(war).values().stream().filter(MessageDrivenBeans.Bean::jms)
                .map(MessageDrivenBeans.Bean::name).toList();
        if (jmsBeans.isEmpty()) {
            return;
        }
        if (war.contains("WEB-INF/glassfish-ejb-jar.xml")) {
            throw new IllegalArgumentException(war.getName() + " has a glassfish-ejb-jar.xml of its own, which the "
                    + "launcher would replace with the binding of its JMS beans " + jmsBeans);
        }
        war.addAsWebInfResource(new StringAsset("""
                <!DOCTYPE glassfish-ejb-jar PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN"
                        "http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd">
                <glassfish-ejb-jar>
                  <enterprise-beans>
                %s  </enterprise-beans>
                </glassfish-ejb-jar>
                """.formatted(jmsBeans.stream().map(bean -> """
                    <ejb>
                      <ejb-name>%s</ejb-name>
                      <mdb-resource-adapter>
                        <resource-adapter-mid>%s</resource-adapter-mid>
                      </mdb-resource-adapter>
                    </ejb>
                """.formatted(Xml.escape(bean), AdminCommands.ADAPTER_NAME)).collect(Collectors.joining()))),
                "glassfish-ejb-jar.xml");
    }
}
