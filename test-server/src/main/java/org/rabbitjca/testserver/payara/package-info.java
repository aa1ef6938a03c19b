// SPDX-License-Identifier: Apache-2.0
/**
 * Payara Micro behind {@link org.rabbitjca.testserver.ServerLauncher}: post-boot commands, {@code
 * glassfish-resources.xml}, hot deploy, and the log lines Payara words its own way. Everything Payara-specific of
 * the test harness is here and nowhere else.
 */
package org.rabbitjca.testserver.payara;
