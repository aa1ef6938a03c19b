// SPDX-License-Identifier: Apache-2.0
/**
 * The server side of the benchmarks, deployed in Payara Micro next to rabbitmq-jca.rar: load generated inside the
 * server by threads from the container's ManagedThreadFactory, each call going the way an application's does (an
 * EJB, a handle from the pooled factory per call); and message-driven beans that count what they consume.
 */
package org.rabbitjca.bench.app;
