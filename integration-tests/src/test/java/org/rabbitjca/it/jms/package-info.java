// SPDX-License-Identifier: Apache-2.0
/**
 * Beans of the JMS-face tests: {@link org.rabbitjca.it.jms.JmsProbe} sends through the adapter's JMS connection
 * factories over HTTP, {@link org.rabbitjca.it.jms.JmsSender} inside container transactions.
 */
package org.rabbitjca.it.jms;
