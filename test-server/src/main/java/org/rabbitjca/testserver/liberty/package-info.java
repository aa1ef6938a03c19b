// SPDX-License-Identifier: Apache-2.0
/**
 * Open Liberty behind {@link org.rabbitjca.testserver.ServerLauncher}: a {@code server.xml} with the adapter, its
 * pools, destinations and activation specs, applications given the adapter's classes, and the log lines Liberty
 * words its own way. Everything Liberty-specific of the test harness is here and nowhere else.
 */
package org.rabbitjca.testserver.liberty;
