package io.incidentflow.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Small helpers for tests that call the running application over real HTTP. */
final class SecurityTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private SecurityTestSupport() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(int port, String path, String authorization, String json) throws Exception {
        return send(port, "POST", path, authorization, HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> putJson(int port, String path, String authorization, String json) throws Exception {
        return send(port, "PUT", path, authorization, HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> delete(int port, String path, String authorization) throws Exception {
        return send(port, "DELETE", path, authorization, HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(int port, String method, String path, String authorization,
                                             HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a user with a unique id in the given groups; returns its id. Password = id + "-pw". */
    static String createUser(IdentityService identityService, String prefix, String... groupIds) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setPassword(id + "-pw");
        identityService.saveUser(user);
        for (String group : groupIds) {
            identityService.createMembership(id, group);
        }
        return id;
    }
}
