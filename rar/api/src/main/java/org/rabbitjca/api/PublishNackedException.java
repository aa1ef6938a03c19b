// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

/** The broker refused to take responsibility for a published message (a {@code basic.nack}); it was not stored. */
public class PublishNackedException extends RabbitException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which publish was refused and what to do
     */
    public PublishNackedException(String message) {
        super(message);
    }
}
