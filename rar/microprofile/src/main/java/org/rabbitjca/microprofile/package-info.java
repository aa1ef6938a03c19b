// SPDX-License-Identifier: Apache-2.0
/**
 * MicroProfile Health and Metrics for rabbitmq-jca, in a jar the application bundles: {@link
 * org.rabbitjca.microprofile.RabbitReadiness} is a readiness check with an entry per pool and per message-driven
 * bean, {@link org.rabbitjca.microprofile.RabbitMetrics} puts every count of
 * {@link org.rabbitjca.api.monitoring.Measure} in the application's metric registry. Both read what the deployed
 * adapter reports ({@link org.rabbitjca.api.monitoring.RabbitMonitoring}); nothing here connects to the broker.
 * Nothing goes into liveness: restarting the server does not end a broker outage.
 */
package org.rabbitjca.microprofile;
