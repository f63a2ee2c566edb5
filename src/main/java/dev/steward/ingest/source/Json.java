package dev.steward.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small, null-safe helpers for reading source records and building native-shaped ones. */
public final class Json {

    private Json() {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A JSON object carried as a string inside another record (CloudWatch Logs message, CloudTrail lookup-events
     * CloudTrailEvent, AKS properties.log); null when the text is not one. The text is bounded by its record.
     */
    public static ObjectNode embedded(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return MAPPER.readTree(text) instanceof ObjectNode o ? o : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The node at a path of field names, or a missing node. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode cur = node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        for (String p : path) {
            cur = cur.path(p);
        }
        return cur;
    }

    /** The scalar at a path as trimmed text; null when missing, null, blank or not a scalar. */
    public static String text(JsonNode node, String... path) {
        return scalar(at(node, path));
    }

    /** A scalar node as trimmed text; null when missing, null, blank or a container. */
    public static String scalar(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** The first non-null of the values. */
    @SafeVarargs
    public static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The scalars of an array (or the one scalar), trimmed, blanks dropped. */
    public static List<String> texts(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> {
                String s = scalar(e);
                if (s != null) {
                    out.add(s);
                }
            });
        } else {
            String s = scalar(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Sets a text field unless the value is null. */
    public static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    /** Sets a time field (RFC 3339) unless the value is null. */
    public static ObjectNode put(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
        return node;
    }

    /** Sets a list field (always, so an empty list is explicit). */
    public static ObjectNode put(ObjectNode node, String field, Collection<String> values) {
        ArrayNode arr = node.putArray(field);
        values.forEach(arr::add);
        return node;
    }

    /** Copies a field unless missing or null. */
    public static ObjectNode copy(ObjectNode target, String field, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            target.set(field, value.deepCopy());
        }
        return target;
    }
}
