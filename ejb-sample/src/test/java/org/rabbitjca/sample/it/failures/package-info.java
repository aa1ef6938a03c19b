// SPDX-License-Identifier: Apache-2.0
/**
 * The war of the connection-failure tests: pools configured to fail in every distinct way, and a probe that reports
 * what each one's callers get.
 */
package org.rabbitjca.sample.it.failures;
