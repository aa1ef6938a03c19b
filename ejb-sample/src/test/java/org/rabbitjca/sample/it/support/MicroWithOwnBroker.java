// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like {@link MicroWithPrivateBroker}, but the test class gets a RabbitMQ node of its own, which it may kill,
 * restart or reconfigure ({@link MicroBrokerNode#current()}), and Payara Micro reaches it through a proxy the test
 * may cut ({@link MicroBrokerNode#proxy()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({MicroBrokerNode.class, PostBootCommands.class, ArquillianExtension.class})
public @interface MicroWithOwnBroker {
}
