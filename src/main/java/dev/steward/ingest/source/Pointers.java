package dev.steward.ingest.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured way to take one value out of a source record: alternatives tried in order, each a JSON Pointer
 * ({@code /input/attributes/source/principal}) or a template with one pointer in braces
 * ({@code ip:{/input/attributes/source/address/socketAddress/address}}). The first alternative that finds a
 * non-blank value wins. An array of scalars is joined with '/' (a parsed path) or kept as a list ({@link #list}).
 */
public final class Pointers {

    private static final Pattern TEMPLATE = Pattern.compile("^(.*)\\{(/[^}]*)}(.*)$");

    private record Alternative(String prefix, JsonPointer pointer, String suffix) {
    }

    private final List<Alternative> alternatives;
    private final String text;

    private Pointers(List<Alternative> alternatives, String text) {
        this.alternatives = alternatives;
        this.text = text;
    }

    /** Compiles a list of alternatives; throws IllegalArgumentException naming a malformed one. */
    public static Pointers of(List<String> specs) {
        List<Alternative> out = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw.trim();
            if (spec.isEmpty()) {
                continue;
            }
            Matcher m = TEMPLATE.matcher(spec);
            try {
                if (m.matches()) {
                    out.add(new Alternative(m.group(1), JsonPointer.compile(m.group(2)), m.group(3)));
                } else if (spec.startsWith("/")) {
                    out.add(new Alternative("", JsonPointer.compile(spec), ""));
                } else {
                    throw new IllegalArgumentException("'" + spec + "' is neither a JSON Pointer (/a/b) nor a template"
                            + " with one pointer in braces (text{/a/b})");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad pointer '" + spec + "': " + e.getMessage(), e);
            }
        }
        return new Pointers(List.copyOf(out), String.join(",", specs));
    }

    public static Pointers none() {
        return new Pointers(List.of(), "");
    }

    /** The first value found, as text; null when none. */
    public String text(JsonNode record) {
        for (Alternative a : alternatives) {
            JsonNode v = record.at(a.pointer());
            String s;
            if (v.isArray()) {
                List<String> parts = Json.texts(v);
                s = parts.isEmpty() ? null : String.join("/", parts);
            } else {
                s = Json.scalar(v);
            }
            if (s != null) {
                return a.prefix() + s + a.suffix();
            }
        }
        return null;
    }

    /** The first value found as a list (an array's scalars, or one scalar); empty when none. */
    public List<String> list(JsonNode record) {
        for (Alternative a : alternatives) {
            List<String> values = Json.texts(record.at(a.pointer()));
            if (!values.isEmpty()) {
                return values.stream().map(v -> a.prefix() + v + a.suffix()).toList();
            }
        }
        return List.of();
    }

    /** The first node found (for results that are objects); a missing node when none. */
    public JsonNode node(JsonNode record) {
        for (Alternative a : alternatives) {
            JsonNode v = record.at(a.pointer());
            if (!v.isMissingNode() && !v.isNull()) {
                return v;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public String toString() {
        return text;
    }
}
