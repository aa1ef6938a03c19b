// SPDX-License-Identifier: Apache-2.0
/**
 * The test harness's view of a Jakarta EE server: {@link org.rabbitjca.testserver.ServerLauncher} starts one with
 * rabbitmq-jca and the test's applications ({@link org.rabbitjca.testserver.ServerSetup},
 * {@link org.rabbitjca.testserver.Application}, {@link org.rabbitjca.testserver.ConnectorPool}), and
 * {@link org.rabbitjca.testserver.RunningServer} answers what a test reads from it. Server families are
 * implementations in sub-packages ({@code payara}, {@code wildfly}, {@code liberty}); the integration tests import
 * only this package. Every server listens on loopback and sends nothing beyond it; every wait has a deadline.
 */
package org.rabbitjca.testserver;
