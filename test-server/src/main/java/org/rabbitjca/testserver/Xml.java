// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

/** Escaping for the descriptors the launchers write. */
public final class Xml {

    private Xml() {
    }

    /** @return the value escaped for an XML attribute in double quotes, or an element's text */
    public static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
