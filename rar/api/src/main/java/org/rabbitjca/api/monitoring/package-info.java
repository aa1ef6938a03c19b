// SPDX-License-Identifier: Apache-2.0
/**
 * What the adapter knows about itself, for health checks and metrics: every connection pool and every
 * message-driven bean it serves is a {@link org.rabbitjca.api.monitoring.MonitoredResource} in
 * {@link org.rabbitjca.api.monitoring.RabbitMonitoring}, with its real state (connected, blocked by a broker alarm,
 * down since when and why) and its counts. Nothing here opens a connection: a reader sees what the adapter's own
 * connections and consumers report. The {@code rabbitmq-jca-microprofile} jar reads it for MicroProfile Health and
 * Metrics; another backend (OpenTelemetry metrics, JMX) is a reader of the same values.
 */
package org.rabbitjca.api.monitoring;
