package dev.steward.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry of source adapters (every {@link SourceAdapter} bean) and the format decision for each file: an
 * explicit {@code --format}, or detection from the file's first bytes in {@code auto}. Native files (steward/v1
 * documents, native decision JSON Lines, section CSVs, workbooks) keep their own rules in {@link FileRole}.
 */
@ApplicationScoped
public class SourceAdapters {

    /** Bytes of a file's (decompressed) beginning that detection looks at. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final Set<String> NATIVE_EXTENSIONS = Set.of(".yaml", ".yml", ".json", ".jsonl", ".ndjson", ".log",
            ".csv", ".xlsx");

    private final List<SourceAdapter> adapters;

    @Inject
    public SourceAdapters(@Any Instance<SourceAdapter> beans) {
        this(beans.stream().toList());
    }

    /** For tests and tools without CDI. */
    public SourceAdapters(List<SourceAdapter> adapters) {
        List<SourceAdapter> sorted = new ArrayList<>(adapters);
        sorted.sort(Comparator.comparingInt(SourceAdapter::order).thenComparing(SourceAdapter::format));
        this.adapters = List.copyOf(sorted);
    }

    public List<SourceAdapter> adapters() {
        return adapters;
    }

    /** Every format name accepted by {@code --format}. */
    public List<String> formats() {
        Set<String> names = new LinkedHashSet<>(List.of("auto", "native"));
        adapters.forEach(a -> names.add(a.format()));
        return List.copyOf(names);
    }

    public void checkFormat(String format) {
        if (!formats().contains(format)) {
            throw new IngestException("unknown format '" + format + "'; supported: " + String.join(", ", formats()));
        }
    }

    /**
     * The adapter that reads the file, or empty for the native readers. Throws an {@link IngestException} naming the
     * expected shapes when an explicit format does not fit, or when {@code auto} recognises nothing and the file is
     * not native either.
     */
    public Optional<SourceAdapter> resolve(String format, InputFile file, IngestConfig limits) {
        if ("native".equals(format)) {
            return Optional.empty();
        }
        String head = head(file, limits);
        if ("auto".equals(format)) {
            if (head.contains("steward/v1")) {
                return Optional.empty();
            }
            Optional<SourceAdapter> found = detect(adapters, file.name(), head);
            if (found.isPresent() || nativeCandidate(file.name(), head)) {
                return found;
            }
            throw new IngestException(file.name() + ": not a recognised format. Expected " + expected(adapters));
        }
        List<SourceAdapter> named = adapters.stream().filter(a -> a.format().equals(format)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        return Optional.of(detect(named, file.name(), head).orElseThrow(() -> new IngestException(file.name()
                + ": does not look like " + format + ". Expected " + expected(named))));
    }

    /** Detection only, for folder walks: the adapter, or empty when none recognises the file. */
    public Optional<SourceAdapter> detect(InputFile file, IngestConfig limits) {
        String head = head(file, limits);
        return head.contains("steward/v1") ? Optional.empty() : detect(adapters, file.name(), head);
    }

    /** Whether {@code auto} would give the file to the native readers (no adapter, and native by name and content). */
    public boolean acceptsNatively(InputFile file, IngestConfig limits) {
        String head = head(file, limits);
        return head.contains("steward/v1") || detect(adapters, file.name(), head).isEmpty() && nativeCandidate(file.name(), head);
    }

    private static Optional<SourceAdapter> detect(List<SourceAdapter> candidates, String name, String head) {
        return candidates.stream().filter(a -> a.detect(name, head)).findFirst();
    }

    /**
     * Whether the native readers may take a file nothing else recognised: JSON Lines, logs, section CSVs and
     * workbooks go by name as before; a .json file only when its first line is a native decision (as FileRole
     * judges it).
     */
    private static boolean nativeCandidate(String name, String head) {
        String base = base(name);
        String ext = base.contains(".") ? base.substring(base.lastIndexOf('.')) : "";
        if (!NATIVE_EXTENSIONS.contains(ext)) {
            return false;
        }
        if (ext.equals(".json") || ext.equals(".yaml") || ext.equals(".yml")) {
            String first = head.lines().findFirst().orElse("").trim();
            return first.startsWith("{") && first.endsWith("}") && first.contains("\"decision\"");
        }
        return true;
    }

    /** The message part that names every shape the candidates (and the native formats) read. */
    public static String expected(List<SourceAdapter> candidates) {
        String sources = candidates.stream().map(a -> a.format() + ": " + a.expects())
                .collect(Collectors.joining("; "));
        return "one of: native: a steward/v1 inventory (YAML/JSON with apiVersion: steward/v1), people/agents/"
                + "credentials CSV or XLSX, or decision JSON Lines (time, decision, agent|credential)"
                + (sources.isEmpty() ? "" : "; " + sources);
    }

    public String expected() {
        return expected(adapters);
    }

    /** The first bytes of the file's content, decompressed, as text. */
    static String head(InputFile file, IngestConfig limits) {
        try (InputStream in = BoundedInput.open(file.name(), Files.newInputStream(file.path()), limits)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IngestException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }
}
