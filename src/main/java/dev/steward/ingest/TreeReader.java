package dev.steward.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON/YAML value into a tree while remembering the line of every field (dotted path), so problems can
 * name the exact line. YAML aliases are counted against the alias limit and are refused inside records: the YAML
 * parser does not expand them, so a record using one would silently carry the anchor's name. Those refusals are
 * returned with the value ({@link Read#report}) rather than reported at once, so a reader on another thread than the
 * one that files problems keeps them in document order.
 */
final class TreeReader {

    private final String file;
    private final int maxAliases;
    private int aliases;
    private List<Alias> refused = new ArrayList<>();

    TreeReader(String file, int maxAliases) {
        this.file = file;
        this.maxAliases = maxAliases;
    }

    /** An alias found inside a record: its line and field. */
    record Alias(long line, String path) {
    }

    /** A value, the lines of its fields, and the aliases refused inside it. */
    record Read(JsonNode node, Map<String, Long> lines, List<Alias> aliases) {

        /** Files the refused aliases as errors of the file. */
        void report(Problems problems, String file) {
            for (Alias a : aliases) {
                problems.error(file, a.line(), a.path(), null, "YAML aliases are not expanded in records; write the value out");
            }
        }
    }

    /** Reads the value at the parser's current token. {@code inRecord} makes aliases an error. */
    Read read(JsonParser p, boolean inRecord) throws IOException {
        Map<String, Long> lines = new HashMap<>();
        JsonNode node = value(p, "", lines, inRecord);
        List<Alias> found = refused.isEmpty() ? List.of() : refused;
        if (!found.isEmpty()) {
            refused = new ArrayList<>();
        }
        return new Read(node, lines, found);
    }

    private JsonNode value(JsonParser p, String path, Map<String, Long> lines, boolean inRecord) throws IOException {
        JsonToken t = p.currentToken();
        alias(p, path, inRecord);
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, (long) p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    obj.set(name, value(p, child, lines, inRecord));
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(value(p, path, lines, inRecord));
                }
                return arr;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new IngestException(file + ":" + p.currentTokenLocation().getLineNr() + ": unexpected " + t);
        }
    }

    private void alias(JsonParser p, String path, boolean inRecord) {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            if (++aliases > maxAliases) {
                throw new IngestException(file + ":" + p.currentTokenLocation().getLineNr() + ": more than " + maxAliases
                        + " YAML aliases (steward.ingest.max-yaml-aliases); alias bombs are refused");
            }
            if (inRecord) {
                refused.add(new Alias(p.currentTokenLocation().getLineNr(), path.isEmpty() ? null : path));
            }
        }
    }
}
