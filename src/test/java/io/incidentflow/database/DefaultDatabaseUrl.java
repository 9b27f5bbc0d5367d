package io.incidentflow.database;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The default database URL as {@code application.yaml} writes it, for the tests of its options. */
final class DefaultDatabaseUrl {

    private DefaultDatabaseUrl() {
    }

    /** The whole value, {@code ${DATABASE_URL:jdbc:h2:file:...;OPTION=...}}. */
    static String asWritten() throws Exception {
        return String.valueOf(new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yaml")).get(0)
                .getProperty("spring.datasource.url"));
    }

    /** The options of the H2 default, e.g. {@code ;WRITE_DELAY=500}. */
    static String h2Options() throws Exception {
        String url = asWritten();
        return url.substring(url.indexOf(';'), url.lastIndexOf('}'));
    }
}
