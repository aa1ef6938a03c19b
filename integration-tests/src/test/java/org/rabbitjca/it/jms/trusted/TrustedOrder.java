// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms.trusted;

import java.io.Serializable;

/**
 * A serializable object of the package the JMS bean trusts.
 *
 * @param ref the order's reference
 * @param lines how many lines it has
 */
public record TrustedOrder(String ref, int lines) implements Serializable {
}
