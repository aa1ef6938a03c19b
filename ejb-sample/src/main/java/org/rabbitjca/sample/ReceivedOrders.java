// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.ArrayList;
import java.util.List;

/** The last orders the listener received, newest last; kept in memory for the sample page. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReceivedOrders {

    private static final int KEEP = 100;
    private final List<String> orders = new ArrayList<>();

    /** @param order an order just received */
    public synchronized void add(String order) {
        if (orders.size() == KEEP) {
            orders.remove(0);
        }
        orders.add(order);
    }

    /** @return a copy of the orders received so far */
    public synchronized List<String> list() {
        return List.copyOf(orders);
    }
}
