// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample.it.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.sample.OrderPublisher;
import org.rabbitjca.sample.it.app.ProbeResource;

import java.io.File;
import java.net.URL;

/**
 * The base of tests against the deployed sample: the sample application with its pool descriptor plus the probes
 * the tests call over HTTP. Subclasses choose the broker with {@link MicroWithPrivateBroker} or
 * {@link MicroWithOwnBroker}. Tests run as clients and count on the broker.
 */
@RunAsClient
public abstract class DeployedSample {

    /** The deployment's base URL, e.g. {@code http://127.0.0.1:8123/ejb-sample-it/}. */
    @ArquillianResource
    protected URL base;

    /** @return the sample with its pool descriptor, and the test probes */
    @Deployment(testable = false)
    public static WebArchive sampleWithProbes() {
        return ShrinkWrap.create(WebArchive.class, "ejb-sample-it.war")
                .addPackage(OrderPublisher.class.getPackage())
                .addPackage(ProbeResource.class.getPackage())
                .addAsWebInfResource(new File("../deploy-descriptors/payara/glassfish-resources.xml"))
                .addAsWebInfResource(new File("../deploy-descriptors/ejb-jar.xml"));
    }
}
