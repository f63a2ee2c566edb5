package dev.steward.ingest;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The published JSON Schemas of the native documents (classpath {@code schemas/}), used to validate every inventory
 * record and, in tests, to prove the fast decision-line validator agrees with the decision schema.
 */
public final class NativeSchemas {

    /** A schema of one record kind. */
    public enum Kind {
        PERSON("inventory.schema.json#/$defs/person"),
        AGENT("inventory.schema.json#/$defs/agent"),
        CREDENTIAL("inventory.schema.json#/$defs/credential"),
        DECISION("decision.schema.json");

        private final String location;

        Kind(String location) {
            this.location = location;
        }
    }

    /** One schema violation: the field path (dots) and the validator's message. */
    public record Violation(String field, String message) {
    }

    private static final NativeSchemas INSTANCE = new NativeSchemas();

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

    private NativeSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaIdResolvers(r -> r.mapPrefix("https://steward.dev/schemas/", "classpath:schemas/")));
        for (Kind k : Kind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:schemas/" + k.location));
            schema.initializeValidators();
            schemas.put(k, schema);
        }
    }

    public static NativeSchemas get() {
        return INSTANCE;
    }

    /** Validates one record given as JSON text. */
    public List<Violation> validate(Kind kind, String json) {
        return violations(schemas.get(kind).validate(json, InputFormat.JSON));
    }

    /**
     * Validates one record given as a tree, as {@link #validate(Kind, String)} does its JSON text: the tree is copied
     * into the validator's own tree model (Jackson 3) node by node, numbers as its parser would read their text,
     * instead of being written out and parsed again (that round trip was a tenth of a large inventory ingest).
     */
    public List<Violation> validate(Kind kind, com.fasterxml.jackson.databind.JsonNode record) {
        return violations(schemas.get(kind).validate(copy(record)));
    }

    private static final tools.jackson.databind.node.JsonNodeFactory NODES = tools.jackson.databind.node.JsonNodeFactory.instance;

    static tools.jackson.databind.JsonNode copy(com.fasterxml.jackson.databind.JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                tools.jackson.databind.node.ObjectNode o = NODES.objectNode();
                for (var it = n.fields(); it.hasNext(); ) {
                    var f = it.next();
                    o.set(f.getKey(), copy(f.getValue()));
                }
                return o;
            }
            case ARRAY -> {
                tools.jackson.databind.node.ArrayNode a = NODES.arrayNode(n.size());
                for (com.fasterxml.jackson.databind.JsonNode e : n) {
                    a.add(copy(e));
                }
                return a;
            }
            case STRING -> {
                return NODES.stringNode(n.textValue());
            }
            case BOOLEAN -> {
                return NODES.booleanNode(n.booleanValue());
            }
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    return n.canConvertToInt() ? NODES.numberNode(n.intValue()) : n.canConvertToLong()
                            ? NODES.numberNode(n.longValue()) : NODES.numberNode(n.bigIntegerValue());
                }
                return NODES.numberNode(Double.parseDouble(n.asText()));
            }
            case NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.stringNode(n.asText());
            }
        }
    }

    private static List<Violation> violations(List<Error> errors) {
        List<Violation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(new Violation(field(e), e.getMessage()));
        }
        return out;
    }

    private static String field(Error e) {
        String path = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if (path.startsWith("$")) {
            path = path.substring(1);
        }
        if (path.startsWith(".") || path.startsWith("/")) {
            path = path.substring(1);
        }
        path = path.replace('/', '.').replaceAll("\\[(\\d+)]", ".$1");
        if (e.getProperty() != null && !path.endsWith(e.getProperty()) && "required".equals(e.getKeyword())) {
            path = path.isEmpty() ? e.getProperty() : path + "." + e.getProperty();
        }
        return path.isEmpty() ? null : path;
    }
}
