// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * Everything one outbound pool resolved, validated in one pass so that one exception lists every invalid property,
 * whether it is a connection property or a pool property.
 *
 * @param connection the pool's connection settings
 * @param pool the pool's own settings
 */
public record PoolConfiguration(ConnectionSettings connection, PoolSettings pool) {

    /**
     * @param where names the pool in error messages
     * @param adapter the adapter's connection properties (server-wide defaults), or {@code null}
     * @param poolLevel the pool's connection properties
     * @param poolProperties the pool's own properties
     * @return the validated configuration
     * @throws InvalidSettingsException listing every invalid property of both kinds
     */
    public static PoolConfiguration resolve(String where, ConnectionProperties adapter, ConnectionProperties poolLevel,
                                            PoolProperties poolProperties) throws InvalidSettingsException {
        Problems problems = new Problems();
        ConnectionSettings connection = ConnectionSettings.resolve(problems, adapter, poolLevel);
        PoolSettings pool = PoolSettings.resolve(problems, poolProperties);
        problems.throwIfAny(where);
        return new PoolConfiguration(connection, pool);
    }
}
