// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.rabbitjca.testbroker.RabbitNodeExtension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the run's shared private RabbitMQ node and one server with rabbitmq-jca configured for
 * that node and the standard probe war ({@link ProbeServerExtension}). The order matters: the node starts first,
 * then the server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RabbitNodeExtension.class, ClassBroker.class, ProbeServerExtension.class})
public @interface ServerWithSharedNode {
}
