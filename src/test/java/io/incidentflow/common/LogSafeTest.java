package io.incidentflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAreWrittenOutSoNoFakeLogLineCanBeInjected() {
        String forged = "Disk full\r\n2026-01-01T00:00:00Z  INFO --- admin logged in\nand\u2028more\u0085end";

        String safe = LogSafe.text(forged);

        assertThat(safe).isEqualTo(
                "Disk full\\r\\n2026-01-01T00:00:00Z  INFO --- admin logged in\\nand\\u2028more\\u0085end");
        assertThat(safe).doesNotContain("\r", "\n", "\u2028", "\u0085");
    }

    @Test
    void ordinaryTextIsUnchangedAndNullStaysNull() {
        assertThat(LogSafe.text("Checkout fails with 502 – since 10:02\t(tab kept)"))
                .isEqualTo("Checkout fails with 502 – since 10:02\t(tab kept)");
        assertThat(LogSafe.text(null)).isNull();
        assertThat(LogSafe.text(42)).isEqualTo("42");
    }
}
