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
        List<Error> errors = schemas.get(kind).validate(json, InputFormat.JSON);
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
