// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.sample.OrderPublisher;
import org.rabbitjca.sample.it.app.ProbeResource;

import java.io.File;

/** The war the in-container tests deploy: the sample application plus the probes the tests call over HTTP. */
public final class TestDeployments {

    private TestDeployments() {
    }

    /** @return the sample with its pool descriptor, and the test probes */
    public static WebArchive sampleWithProbes() {
        return ShrinkWrap.create(WebArchive.class, "ejb-sample-it.war")
                .addPackage(OrderPublisher.class.getPackage())
                .addPackage(ProbeResource.class.getPackage())
                .addAsWebInfResource(new File("../deploy-descriptors/payara/glassfish-resources.xml"));
    }
}
