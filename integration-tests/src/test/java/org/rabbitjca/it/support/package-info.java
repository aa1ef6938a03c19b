// SPDX-License-Identifier: Apache-2.0
/**
 * What the integration tests share: the probe server ({@link org.rabbitjca.it.support.ProbedServer}) started
 * through the server-neutral {@link org.rabbitjca.testserver.ServerLauncher}, the broker node a test class runs
 * against ({@link org.rabbitjca.it.support.ServerWithSharedNode}, {@link org.rabbitjca.it.support.ServerWithOwnNode}),
 * a client that publishes and drains from outside, and the {@code ejb-jar.xml} a test writes.
 */
package org.rabbitjca.it.support;
