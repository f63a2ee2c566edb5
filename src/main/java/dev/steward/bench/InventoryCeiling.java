package dev.steward.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.ingest.CsvReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling of inventory ingestion: the bare parsers reading the same files as the upload, nothing else. The people
 * CSV goes through the product's CSV reader (it is a plain RFC 4180 reader); the inventory YAML through Jackson's
 * streaming YAML parser (SnakeYAML underneath, as the product uses), every scalar's text materialised, records
 * counted. No tree, no validation, no secret scan, no mapping, no database.
 */
final class InventoryCeiling {

    private static final int MAX_RECORD_CHARS = 1 << 20;

    /** Parses the files; returns how many records (CSV rows and YAML records of the top-level lists). */
    long parse(Path peopleCsv, Path inventoryYaml) {
        try {
            return csv(peopleCsv) + yaml(inventoryYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long csv(Path file) throws IOException {
        long n = -1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CsvReader csv = new CsvReader(file.getFileName().toString(), in, MAX_RECORD_CHARS);
            while (csv.next() != null) {
                n++;
            }
        }
        return Math.max(0, n);
    }

    /** No document size limit: the product raises SnakeYAML's 3 MB default to its own limit too. */
    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE);
        return o;
    }

    private static long yaml(Path file) throws IOException {
        long records = 0;
        long chars = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser p = YAMLFactory.builder().loaderOptions(unlimited()).build().createParser(in)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (t == JsonToken.START_OBJECT && depth == 3) {
                            records++;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> chars += p.getText().length();
                    default -> {
                        // booleans and nulls carry no text
                    }
                }
            }
        }
        return chars >= 0 ? records : 0;
    }
}
