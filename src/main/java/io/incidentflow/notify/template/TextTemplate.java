package io.incidentflow.notify.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders. Filling it with a value missing is an error, never a blank:
 * what a template may use is checked when it is loaded, what a sender gives when it sends.
 */
public final class TextTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private final String text;
    private final Set<String> names = new LinkedHashSet<>();

    private TextTemplate(String text) {
        this.text = text;
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            requireNoBraces(text.substring(end, matcher.start()));
            names.add(matcher.group(1));
            end = matcher.end();
        }
        requireNoBraces(text.substring(end));
    }

    /** @throws IllegalArgumentException for {@code {{} that does not open a placeholder such as {@code {{incidentId}}} */
    public static TextTemplate parse(String text) {
        return new TextTemplate(text);
    }

    /** The placeholders used, in order of appearance. */
    public Set<String> names() {
        return Set.copyOf(names);
    }

    public String fill(Map<String, String> values) {
        return fill(values, UnaryOperator.identity());
    }

    /** Fills the placeholders, each value passed through {@code escape} (e.g. for a JSON string). */
    public String fill(Map<String, String> values, UnaryOperator<String> escape) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + match.group(1) + "}}");
            }
            return Matcher.quoteReplacement(escape.apply(value));
        });
    }

    private static void requireNoBraces(String literal) {
        int at = literal.indexOf("{{");
        if (at >= 0) {
            String near = literal.substring(at, Math.min(literal.length(), at + 30));
            throw new IllegalArgumentException("'" + near + "' is not a placeholder: use {{name}} with a variable name");
        }
    }
}
