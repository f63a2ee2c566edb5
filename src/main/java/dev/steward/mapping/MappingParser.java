package dev.steward.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one mapping file: YAML with SnakeYAML limits (size, aliases, nesting, no duplicate keys), dispatch on
 * {@code kind}, validation against the bundled JSON Schema, then binding to {@link Framework} or {@link Crosswalk}.
 * Schema errors are reported with the control (or crosswalk row) they concern; a file that validates partly is still
 * bound when possible so the semantic checks can report the rest in the same pass.
 */
final class MappingParser {

    static final String FRAMEWORK_SCHEMA = MappingLoader.BUNDLED_ROOT + "schema/framework.schema.json";
    static final String CROSSWALK_SCHEMA = MappingLoader.BUNDLED_ROOT + "schema/crosswalk.schema.json";

    /**
     * A parsed file: exactly one of framework and crosswalk is set when binding succeeded, neither otherwise; lines
     * says where each node starts, for the errors found later.
     */
    record Parsed(MappingFile file, YamlLines lines, Framework framework, Crosswalk crosswalk) {

        Parsed(MappingFile file) {
            this(file, YamlLines.NONE, null, null);
        }

        /** An error at the node {@code pointer} ("/controls/3/parent") of this file. */
        MappingError error(String pointer, String subject, String message) {
            return new MappingError(file.origin(), lines.line(pointer), subject, message);
        }
    }

    private final long maxFileBytes;
    private final ObjectMapper yaml;
    private final ObjectMapper lenient;
    private final ObjectMapper json = new ObjectMapper();
    private final Schema frameworkSchema;
    private final Schema crosswalkSchema;
    private final JsonNode frameworkSchemaTree;
    private final JsonNode crosswalkSchemaTree;

    MappingParser(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
        limits.setMaxAliasesForCollections(20);
        limits.setNestingDepthLimit(40);
        limits.setAllowDuplicateKeys(false);
        limits.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(limits)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40).build())
                .build();
        this.yaml = YAMLMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
        this.lenient = yaml.copy().addHandler(new Unreadable());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        byte[] fw = resource(FRAMEWORK_SCHEMA);
        byte[] cw = resource(CROSSWALK_SCHEMA);
        this.frameworkSchema = registry.getSchema(new String(fw, StandardCharsets.UTF_8), InputFormat.JSON);
        this.crosswalkSchema = registry.getSchema(new String(cw, StandardCharsets.UTF_8), InputFormat.JSON);
        try {
            this.frameworkSchemaTree = json.readTree(fw);
            this.crosswalkSchemaTree = json.readTree(cw);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled mapping schema is not valid JSON", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MappingParser.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled mapping schema " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled mapping schema " + name, e);
        }
    }

    /** Parses, validates and binds one file; every problem goes to {@code errors}. */
    Parsed parse(MappingFile file, List<MappingError> errors) {
        String where = file.origin();
        if (file.bytes().length > maxFileBytes) {
            errors.add(new MappingError(where, null, "file is " + file.bytes().length + " bytes, more than the limit of "
                    + maxFileBytes + " (steward.mappings.max-file-bytes)"));
            return new Parsed(file);
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.bytes());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String column = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            errors.add(new MappingError(where, Math.max(line, 0), null, "not valid YAML" + column + ": " + e.getOriginalMessage()));
            return new Parsed(file);
        } catch (IOException | RuntimeException e) {
            errors.add(new MappingError(where, null, "not valid YAML: " + e.getMessage()));
            return new Parsed(file);
        }
        if (root == null || !root.isObject()) {
            errors.add(new MappingError(where, null, "expected a YAML mapping with apiVersion, kind, id, ..."));
            return new Parsed(file);
        }
        YamlLines lines = YamlLines.of(yaml, file.bytes());
        String kind = root.path("kind").asText("");
        boolean framework = "Framework".equals(kind);
        if (!framework && !"Crosswalk".equals(kind)) {
            errors.add(new MappingError(where, lines.line("/kind"), null, "kind must be Framework or Crosswalk, was '" + kind + "'"));
            return new Parsed(file);
        }
        int before = errors.size();
        validate(file, lines, root, framework, errors);
        // After schema errors, values of the wrong type (weight: abc) are read as missing, so that the checks of
        // ids, parents and parameters still report the rest of the file in the same pass.
        ObjectMapper reader = errors.size() == before ? yaml : lenient;
        try {
            return framework
                    ? new Parsed(file, lines, reader.treeToValue(root, Framework.class), null)
                    : new Parsed(file, lines, null, reader.treeToValue(root, Crosswalk.class));
        } catch (IOException | RuntimeException e) {
            if (errors.size() == before) {
                errors.add(new MappingError(where, null, "cannot read the file: " + e.getMessage()));
            }
            return new Parsed(file);
        }
    }

    /** Reads a value of the wrong type as missing (null, 0 or false); the schema has reported it already. */
    private static final class Unreadable extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return missing(targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return missing(targetType);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser p, String failureMsg) throws IOException {
            p.skipChildren();
            return missing(targetType.getRawClass());
        }

        private static Object missing(Class<?> type) {
            if (type == int.class) {
                return 0;
            }
            return type == boolean.class ? Boolean.FALSE : null;
        }
    }

    private void validate(MappingFile file, YamlLines lines, JsonNode root, boolean framework, List<MappingError> errors) {
        String text;
        try {
            text = json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            errors.add(new MappingError(file.origin(), null, "cannot convert to JSON for schema validation: " + e.getOriginalMessage()));
            return;
        }
        Schema schema = framework ? frameworkSchema : crosswalkSchema;
        JsonNode schemaTree = framework ? frameworkSchemaTree : crosswalkSchemaTree;
        for (com.networknt.schema.Error error : schema.validate(text, InputFormat.JSON)) {
            errors.add(render(file, lines, root, framework, schemaTree, error));
        }
    }

    /** "control GOVERN 1.6: checks[0].weight: string found, integer expected (rule ...)". */
    private static MappingError render(MappingFile file, YamlLines lines, JsonNode root, boolean framework,
            JsonNode schemaTree, com.networknt.schema.Error error) {
        NodePath at = error.getInstanceLocation();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < at.getNameCount(); i++) {
            pointer.append('/').append(YamlLines.key(String.valueOf(at.getElement(i))));
        }
        if (error.getProperty() != null) {
            // "property 'colour' is not defined": the line of the property itself
            pointer.append('/').append(YamlLines.key(error.getProperty()));
        }
        String list = framework ? "controls" : "relationships";
        int from = 0;
        String subject = (framework ? "framework " : "crosswalk ") + root.path("id").asText("?");
        if (at.getNameCount() >= 2 && list.equals(at.getElement(0)) && at.getElement(1) instanceof Integer index) {
            JsonNode item = root.path(list).path(index);
            subject = framework
                    ? "control " + item.path("id").asText("#" + (index + 1))
                    : subject + " row " + (index + 1) + " (" + item.path("source").asText("?") + " -> " + item.path("target").asText("?") + ")";
            from = 2;
        }
        StringBuilder field = new StringBuilder();
        for (int i = from; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(element);
            }
        }
        String message = (field.length() == 0 ? "" : field + ": ") + error.getMessage() + rule(schemaTree, error)
                + hint(field.toString(), error.getProperty());
        return new MappingError(file.origin(), lines.line(pointer.toString()), subject, message);
    }

    /** Where a misplaced field belongs, for the mistake a policy's author makes most: a rationale per check. */
    private static String hint(String field, String property) {
        return "rationale".equals(property) && field.matches("checks\\[\\d+]")
                ? " (the rationale is the control's: one line, beside its checks, for all of them)" : "";
    }

    /** For errors raised inside an if/then rule, the rule's description, so the message says why. */
    private static String rule(JsonNode schemaTree, com.networknt.schema.Error error) {
        NodePath fragment = error.getSchemaLocation() == null ? null : error.getSchemaLocation().getFragment();
        if (fragment == null) {
            return "";
        }
        int then = -1;
        for (int i = 0; i < fragment.getNameCount(); i++) {
            if ("then".equals(fragment.getElement(i))) {
                then = i;
            }
        }
        if (then < 0) {
            return "";
        }
        JsonNode node = schemaTree;
        for (int i = 0; i < then; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
        }
        String description = node.path("description").asText("");
        return description.isEmpty() ? "" : " (" + description + ")";
    }
}
