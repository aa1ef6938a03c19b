// SPDX-License-Identifier: Apache-2.0
/** Message-driven beans with invalid activation config, each deployed alone by a test that expects it to fail. */
package org.rabbitjca.sample.it.invalid;
