package io.incidentflow.common;

/**
 * Text that people or monitoring systems typed (titles, subjects, addresses, dedup keys, user ids from
 * requests), made safe for a log line: line breaks are written as {@code \r}, {@code \n} (and Unicode line
 * separators as {@code \u2028}, …) so nobody can forge a log entry by putting a fake line into a field.
 */
public final class LogSafe {

    private LogSafe() {
    }

    /** {@code value} on one line; null stays null (SLF4J prints "null"). */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
                default -> null;
            };
            if (escaped != null && safe == null) {
                safe = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return safe == null ? text : safe.toString();
    }
}
