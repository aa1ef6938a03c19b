// SPDX-License-Identifier: Apache-2.0
/**
 * WildFly behind {@link org.rabbitjca.testserver.ServerLauncher}: the server's configuration written offline with
 * the management CLI, deployments through the deployment scanner and its marker files, and the log lines WildFly
 * words its own way. Everything WildFly-specific of the test harness is here and nowhere else.
 */
package org.rabbitjca.testserver.wildfly;
