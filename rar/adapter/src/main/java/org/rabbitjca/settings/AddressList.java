// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import com.rabbitmq.client.Address;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses {@code host[:port],host[:port]} (IPv6 hosts in brackets: {@code [::1]:5672}) with a precise problem per
 * bad entry. Written here rather than using {@link Address#parseAddresses} because that one throws a bare
 * {@code NumberFormatException} for a bad port and accepts ports out of range.
 */
final class AddressList {

    private AddressList() {
    }

    static List<Address> parse(String text, int defaultPort, Problems problems) {
        List<Address> addresses = new ArrayList<>();
        boolean emptyEntry = false;
        int before = problems.count();
        for (String entry : text.split(",", -1)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                emptyEntry = true;
                continue;
            }
            Address address = parseOne(trimmed, defaultPort);
            if (address == null) {
                problems.add("addresses entry '" + trimmed + "' is not host[:port] with a port from 1 to 65535, "
                        + "e.g. 'rabbit1:5672'");
            } else {
                addresses.add(address);
            }
        }
        if (text.isBlank()) {
            return addresses; // reported as an empty property by the caller
        }
        if (addresses.isEmpty() && problems.count() == before) {
            problems.add("addresses '" + text + "' names no broker; set host[:port], e.g. 'rabbit1:5672'");
        } else if (emptyEntry) {
            problems.add("addresses '" + text + "' has an empty entry (a comma too many); remove it, e.g. "
                    + "'rabbit1:5672,rabbit2:5672'");
        }
        return addresses;
    }

    private static Address parseOne(String entry, int defaultPort) {
        int portSeparator = entry.lastIndexOf(':');
        boolean bracketed = entry.startsWith("[");
        if (bracketed ? entry.indexOf(']') < portSeparator : portSeparator > 0 && entry.indexOf(':') == portSeparator) {
            String host = entry.substring(0, portSeparator);
            Integer port = parsePort(entry.substring(portSeparator + 1));
            return port == null || !validHost(host) ? null : new Address(host, port);
        }
        return validHost(entry) ? new Address(entry, defaultPort) : null;
    }

    private static boolean validHost(String host) {
        return !host.isEmpty() && !host.contains(" ") && (host.startsWith("[") == host.endsWith("]"));
    }

    private static Integer parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65_535 ? port : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static String format(List<Address> addresses) {
        return addresses.stream().map(a -> a.getHost() + ":" + a.getPort()).collect(Collectors.joining(","));
    }
}
