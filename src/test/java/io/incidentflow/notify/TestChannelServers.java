package io.incidentflow.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Real servers for the notification channels of the tests, one of each per test JVM on a free port:
 * a GreenMail SMTP server and an HTTP server standing in for the chat webhook ({@code /chat}) and the
 * SMS gateway ({@code /sms}). Registered in {@code META-INF/spring.factories}, it tells the "test"
 * profile their ports ({@code test-servers.smtp-port}, {@code test-servers.http-port}, used in
 * application-test.yaml) before the application reads its configuration, so every test shares one
 * application context with the channels configured.
 */
public class TestChannelServers implements EnvironmentPostProcessor, Ordered {

    private static GreenMail mail;
    private static Gateway http;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("test")) {
            return;
        }
        start();
        environment.getPropertySources().addLast(new MapPropertySource("test-servers", Map.of(
                "test-servers.smtp-port", mail.getSmtp().getPort(),
                "test-servers.http-port", http.port())));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static synchronized GreenMail mail() {
        start();
        return mail;
    }

    public static synchronized Gateway gateway() {
        start();
        return http;
    }

    private static synchronized void start() {
        if (mail != null) {
            return;
        }
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        try {
            http = new Gateway();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test HTTP gateway", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            http.server.stop(0);
        }));
    }

    /** One request the gateway received. */
    public record Received(String path, String contentType, String idempotencyKey, String body) {
    }

    /** The chat webhook and SMS gateway: records every request and answers 200 unless told otherwise. */
    public static final class Gateway {

        private final HttpServer server;
        private final List<Received> received = new ArrayList<>();
        private final Map<String, Deque<Integer>> answers = new HashMap<>();

        private Gateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String path = exchange.getRequestURI().getPath();
                int status;
                synchronized (this) {
                    received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                    Deque<Integer> queued = answers.get(path);
                    status = queued == null || queued.isEmpty() ? 200 : queued.poll();
                }
                byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"gateway down\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** The next requests to {@code path} are answered with these statuses, then 200 again. */
        public synchronized void answer(String path, Integer... statuses) {
            answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
        }

        public synchronized List<Received> received(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }

        public synchronized void reset() {
            received.clear();
            answers.clear();
        }
    }
}
