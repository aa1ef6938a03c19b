// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the run's shared private RabbitMQ node and a Payara Micro with rabbitmq-jca deployed
 * and configured for that node. The order matters: the node starts first, then the post-boot file is written, then
 * Arquillian starts Micro with the test's deployment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RabbitNodeExtension.class, MicroBrokerNode.class, PostBootCommands.class, ArquillianExtension.class})
public @interface MicroWithPrivateBroker {
}
