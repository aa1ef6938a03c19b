// SPDX-License-Identifier: Apache-2.0
/** A message-driven bean deployed with invalid activation config by a test that expects each deployment to fail. */
package org.rabbitjca.sample.it.invalid;
