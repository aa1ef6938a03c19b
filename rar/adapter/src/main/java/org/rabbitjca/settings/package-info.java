// SPDX-License-Identifier: Apache-2.0
/**
 * Configuration: the JavaBean properties containers set from descriptors ({@link
 * org.rabbitjca.settings.ConnectionProperties}, declared once and inherited by the resource adapter, the managed
 * connection factory and the activation spec), and the immutable, validated values runtime code reads
 * ({@link org.rabbitjca.settings.ConnectionSettings}, {@link org.rabbitjca.settings.PoolSettings},
 * {@link org.rabbitjca.settings.ConsumerSettings}). Resolution goes from the general to the specific: adapter
 * configuration, then pool properties or activation config. Validation reports every problem at once and never
 * clamps a value. Defaults are constants here and nowhere else.
 */
package org.rabbitjca.settings;
