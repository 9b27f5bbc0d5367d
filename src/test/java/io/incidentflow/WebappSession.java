package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A Camunda webapp session as a browser holds it: the session cookie and Camunda's CSRF token (cookie
 * {@code XSRF-TOKEN}, sent back as the {@code X-XSRF-TOKEN} header). Opening the app page gives both; the
 * login form posts user and password to {@code /camunda/api/admin/auth/user/{engine}/login/{app}}.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final String engine;
    private final String app;

    private WebappSession(int port, String engine, String app) {
        this.base = "http://localhost:" + port;
        this.engine = engine;
        this.app = app;
    }

    /** A browser that has opened the app's page (Tasklist, Cockpit, Admin) and is not logged in yet. */
    public static WebappSession open(int port, String engine, String app) throws Exception {
        WebappSession session = new WebappSession(port, engine, app);
        assertThat(session.openAppPage().statusCode()).isEqualTo(200);
        return session;
    }

    /** A session of the user on the default engine, logged in to the app. */
    public static WebappSession loggedIn(int port, String app, String userId, String password) throws Exception {
        WebappSession session = open(port, "default", app);
        HttpResponse<String> login = session.login(userId, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return session;
    }

    /** Posts the login form; after a success the app page is loaded again, as the browser does, for the new session's token. */
    public HttpResponse<String> login(String userId, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() == 200) {
            openAppPage();
        }
        return login;
    }

    /** A JSON call on a path of the application, as the webapp's scripts make it (current CSRF token). */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The browser's HTTP client, with the session's cookies. */
    public HttpClient client() {
        return browser;
    }

    private HttpResponse<String> openAppPage() throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/" + engine + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }
}
