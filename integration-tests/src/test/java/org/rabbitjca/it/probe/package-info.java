// SPDX-License-Identifier: Apache-2.0
/**
 * The probe application every integration test deploys: one REST root ({@code /api}) whose resources publish the
 * way applications do and report what the test's message-driven beans (package {@code beans}) received, as
 * {@code key=value} lines. Server-neutral: plain Jakarta EE, no descriptor of any server.
 */
package org.rabbitjca.it.probe;
