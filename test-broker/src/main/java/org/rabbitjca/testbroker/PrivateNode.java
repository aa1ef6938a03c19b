// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link RabbitNodeExtension} for a node of the parameter's own instead of the run's shared node: for tests
 * that kill, stop or otherwise disturb the broker. The node is started for the parameter (about 5–7 s) and closed
 * when the method's (or, for a {@code @BeforeAll} parameter, the class's) extension context closes.
 *
 * <pre>{@code
 * @Test
 * void consumerResumesAfterBrokerCrash(@PrivateNode RabbitNode node) {
 *     ...
 *     node.kill9();
 *     node.restart();
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PrivateNode {
}
