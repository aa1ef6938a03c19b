// SPDX-License-Identifier: Apache-2.0
/**
 * Probes deployed with the sample for the in-container tests; the tests call them over HTTP and count on the broker.
 */
package org.rabbitjca.sample.it.app;
