// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

/** Acknowledges or requeues a delivery on the channel it came from, and marks it as no longer in flight. */
@FunctionalInterface
interface DeliverySettlement {

    /**
     * @param deliveryTag the delivery's tag on its channel
     * @param processed true to acknowledge, false to requeue for redelivery
     */
    void settle(long deliveryTag, boolean processed);
}
