// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * Everything one message-driven bean endpoint resolved, validated in one pass so that one exception lists every
 * invalid property, whether it is a consumer property or a connection property.
 *
 * @param connection the endpoint's connection settings
 * @param consumer the endpoint's consumer settings
 */
public record EndpointConfiguration(ConnectionSettings connection, ConsumerSettings consumer) {

    /**
     * @param where names the endpoint in error messages
     * @param adapter the adapter's properties (server-wide defaults), or {@code null}
     * @param endpoint the endpoint's activation properties
     * @return the validated configuration
     * @throws InvalidSettingsException listing every invalid property of both kinds
     */
    public static EndpointConfiguration resolve(String where, ConsumerProperties adapter, EndpointProperties endpoint)
            throws InvalidSettingsException {
        Problems problems = new Problems();
        ConsumerSettings consumer = ConsumerSettings.resolve(problems, adapter, endpoint);
        ConnectionSettings connection = ConnectionSettings.resolve(problems, adapter, endpoint);
        problems.throwIfAny(where);
        return new EndpointConfiguration(connection, consumer);
    }
}
