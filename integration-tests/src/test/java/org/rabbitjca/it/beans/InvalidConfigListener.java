// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

/**
 * A message-driven bean without activation config of its own: each test war gives it one bad configuration in
 * {@code ejb-jar.xml}, the way a deployer overrides annotations, and expects the deployment to fail.
 */
@MessageDriven(name = "InvalidConfigListener")
public class InvalidConfigListener implements RabbitMessageListener {

    @Override
    public void onMessage(RabbitMessage message) {
        throw new AssertionError("never activated");
    }
}
