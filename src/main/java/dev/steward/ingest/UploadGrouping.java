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
 * workbooks) together as one upload, and every decision log together as another, inventory first. In folders, files
 * that are not Steward inputs (READMEs, YAML that is not a steward/v1 document) are skipped and listed.
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
        List<InputFile> inventory = new ArrayList<>();
        List<InputFile> decisions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).filter(f -> !under(f, limits.dataDir())).sorted().toList()) {
                        String why = skipReason(f);
                        if (why != null) {
                            skipped.add(p.relativize(f) + ": " + why);
                        } else {
                            add(new InputFile(p.relativize(f).toString(), f), limits, inventory, decisions);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                add(InputFile.of(p), limits, inventory, decisions);
            } else {
                throw new IngestException(p + ": no such file or folder");
            }
        }
        List<List<InputFile>> uploads = new ArrayList<>();
        if (!inventory.isEmpty()) {
            uploads.add(inventory);
        }
        if (!decisions.isEmpty()) {
            uploads.add(decisions);
        }
        return new Groups(uploads, skipped);
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
