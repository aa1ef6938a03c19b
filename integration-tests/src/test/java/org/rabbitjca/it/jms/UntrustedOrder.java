// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import java.io.Serializable;

/**
 * A serializable object of a package the JMS bean does not trust.
 *
 * @param ref the order's reference
 */
public record UntrustedOrder(String ref) implements Serializable {
}
