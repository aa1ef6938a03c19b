// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the HTTP probes of a deployed test or benchmark application, whose answers are {@code key=value} lines;
 * every call has a timeout, and an answer other than 200 fails with the status and the body.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /**
     * @param port the server's HTTP port on 127.0.0.1
     * @param application the application's context root
     * @return the application's base URL, e.g. {@code http://127.0.0.1:8123/probe/}
     */
    public static URL base(int port, String application) {
        try {
            return new URL("http://127.0.0.1:" + port + "/" + application + "/");
        } catch (MalformedURLException impossible) {
            throw new IllegalArgumentException(application, impossible);
        }
    }

    /**
     * POSTs to a probe and parses its {@code key=value} lines.
     *
     * @param base the application's base URL
     * @param pathAndQuery e.g. {@code api/probe/publish-concurrently?threads=16}
     * @param timeout how long the probe may take
     * @return the response's keys and values
     */
    public static Map<String, String> post(URL base, String pathAndQuery, Duration timeout)
            throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * GETs a probe and parses its {@code key=value} lines.
     *
     * @param base the application's base URL
     * @param pathAndQuery the probe's path
     * @return the response's keys and values
     */
    public static Map<String, String> get(URL base, String pathAndQuery) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET()
                .build());
    }

    /**
     * GETs a page of the server itself, such as {@code /health/ready} or {@code /metrics}, whatever its status.
     *
     * @param base any URL of the server, e.g. an application's base URL
     * @param path the path from the server's root
     * @return the status and the body
     */
    public static Page page(URL base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base.getProtocol() + "://"
                + base.getAuthority() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.body());
    }

    /**
     * A page as the server answered it.
     *
     * @param status the HTTP status
     * @param body the body
     */
    public record Page(int status, String body) {
    }

    private static Map<String, String> call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return Arrays.stream(response.body().split("\n")).filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
    }
}
