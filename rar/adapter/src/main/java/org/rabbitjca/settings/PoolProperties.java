// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * An outbound pool's own properties as the container set them; {@code null} means "not set", taking the default.
 *
 * @param publisherConfirms the {@code publisherConfirms} property
 * @param confirmTimeoutMillis the {@code confirmTimeoutMillis} property
 * @param physicalConnections the {@code physicalConnections} property
 * @param maxMessagesPerTransaction the {@code maxMessagesPerTransaction} property
 * @param maxBytesPerTransaction the {@code maxBytesPerTransaction} property
 * @param holdUntilCommit the {@code holdUntilCommit} property
 */
public record PoolProperties(Boolean publisherConfirms, Integer confirmTimeoutMillis, Integer physicalConnections,
                             Integer maxMessagesPerTransaction, Integer maxBytesPerTransaction,
                             Boolean holdUntilCommit) {

    /** @return no property set: every setting takes its default */
    public static PoolProperties unset() {
        return new PoolProperties(null, null, null, null, null, null);
    }
}
