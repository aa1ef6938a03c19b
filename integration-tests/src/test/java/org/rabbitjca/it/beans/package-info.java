// SPDX-License-Identifier: Apache-2.0
/**
 * The message-driven beans the integration tests deploy, each on queues of its own, recording what it received in
 * {@link org.rabbitjca.it.probe.DeliveryLog}; a test adds the ones it needs to its probe war.
 */
package org.rabbitjca.it.beans;
