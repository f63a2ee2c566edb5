package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the paths a user names (files and folders) into uploads: every inventory file (documents, section CSVs, meta,
 * workbooks) together as one upload, and every decision log together as another, inventory first; files of a source
 * format (OPA, Vault, AWS, ...) form one upload per format and kind, so each source keeps its own supersession scope.
 * In folders, files that are not Steward inputs (READMEs, YAML that is not a steward/v1 document nor a recognised
 * source export) are skipped and listed.
 */
public final class UploadGrouping {

    /** The uploads to make and the files skipped (with why). */
    public record Groups(List<List<InputFile>> uploads, List<String> skipped) {
    }

    private static final java.util.regex.Pattern STEWARD_KIND =
            java.util.regex.Pattern.compile("(?m)(^kind:\\s*(Inventory|People)\\s*$|\"kind\"\\s*:\\s*\"(Inventory|People)\")");

    private UploadGrouping() {
    }

    public static Groups of(List<Path> paths, IngestConfig limits) {
        return of(paths, limits, new SourceAdapters(List.of()), "auto");
    }

    /** As above; files are assigned to formats by {@code format} (auto detects each file). */
    public static Groups of(List<Path> paths, IngestConfig limits, SourceAdapters sources, String format) {
        List<InputFile> inventory = new ArrayList<>();
        List<InputFile> decisions = new ArrayList<>();
        java.util.Map<String, List<InputFile>> bySource = new java.util.TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).filter(f -> !under(f, limits.dataDir())).sorted().toList()) {
                        InputFile file = new InputFile(p.relativize(f).toString(), f);
                        var adapter = f.getFileName().toString().startsWith(".") || "native".equals(format)
                                ? java.util.Optional.<SourceAdapter>empty() : sources.detect(file, limits)
                                        .filter(a -> "auto".equals(format) || a.format().equals(format));
                        String why = adapter.isPresent() ? null : "auto".equals(format) || "native".equals(format)
                                ? skipReason(f) : "not " + format;
                        if (why == null && adapter.isEmpty() && !"native".equals(format)
                                && !sources.acceptsNatively(file, limits)) {
                            why = "not a recognised format";
                        }
                        if (why != null) {
                            skipped.add(p.relativize(f) + ": " + why);
                        } else if (adapter.isPresent()) {
                            bySource.computeIfAbsent(key(adapter.get()), k -> new ArrayList<>()).add(file);
                        } else {
                            add(file, limits, inventory, decisions);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                var adapter = sources.resolve(format, InputFile.of(p), limits);
                if (adapter.isPresent()) {
                    bySource.computeIfAbsent(key(adapter.get()), k -> new ArrayList<>()).add(InputFile.of(p));
                } else {
                    add(InputFile.of(p), limits, inventory, decisions);
                }
            } else {
                throw new IngestException(p + ": no such file or folder");
            }
        }
        List<List<InputFile>> uploads = new ArrayList<>();
        if (!inventory.isEmpty()) {
            uploads.add(inventory);
        }
        bySource.entrySet().stream().filter(e -> e.getKey().startsWith("0")).forEach(e -> uploads.add(e.getValue()));
        if (!decisions.isEmpty()) {
            uploads.add(decisions);
        }
        bySource.entrySet().stream().filter(e -> e.getKey().startsWith("1")).forEach(e -> uploads.add(e.getValue()));
        return new Groups(uploads, skipped);
    }

    /** Inventory sources sort before decision sources (0/1 prefix), then by format name. */
    private static String key(SourceAdapter a) {
        return (a.kind() == SourceAdapter.Kind.INVENTORY ? "0" : "1") + a.format();
    }

    private static boolean under(Path f, Path dir) {
        return f.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    private static void add(InputFile f, IngestConfig limits, List<InputFile> inventory, List<InputFile> decisions) {
        try {
            (FileRole.of(f, limits).decisions() ? decisions : inventory).add(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String skipReason(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        if (n.startsWith(".")) {
            return "hidden file";
        }
        if (!(base.endsWith(".yaml") || base.endsWith(".yml") || base.endsWith(".json") || base.endsWith(".jsonl")
                || base.endsWith(".ndjson") || base.endsWith(".csv") || base.endsWith(".xlsx"))) {
            return "not an input file type";
        }
        if ((base.endsWith(".yaml") || base.endsWith(".yml") || base.endsWith(".json")) && !n.endsWith(".gz")
                && !steward(f)) {
            return "not a steward/v1 Inventory or People document";
        }
        if (base.endsWith(".csv") && FileRole.sectionOf(n) == null && !base.startsWith("meta")) {
            return "CSV not named people, agents, credentials or meta";
        }
        return null;
    }

    private static boolean steward(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            String head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            return head.contains("steward/v1") && STEWARD_KIND.matcher(head).find() || head.contains("\"decision\"");
        } catch (IOException e) {
            return false;
        }
    }
}
