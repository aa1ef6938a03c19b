// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Like {@link ServerWithSharedNode}, but the test class gets a RabbitMQ node of its own, which it may kill, restart
 * or reconfigure ({@link ClassBroker#current()}), and the server reaches it through a proxy the test may cut
 * ({@link ClassBroker#proxy()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ClassBroker.class, ProbeServerExtension.class})
public @interface ServerWithOwnNode {
}
