package dev.steward.ingest;

import dev.steward.upload.UploadKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What an upload will do before anything is read for real: each file's role and size, the upload kind, and the
 * content hash that makes ingestion idempotent (SHA-256 over the sorted file digests and the options that change the
 * meaning of the content). Enforces the upload size limit first of all.
 */
record Plan(List<Entry> files, UploadKind kind, String contentHash, String scope) {

    /** The format of the upload's files: native, or the one source format they share. */
    String format() {
        return files.stream().map(e -> e.adapter() == null ? "native" : e.adapter().format()).findFirst().orElse("native");
    }

    /** Bytes read so far from one file (compressed), for progress. */
    static final class Count {
        long count;
    }

    /** One file; {@code adapter} is null for the native readers. */
    record Entry(InputFile file, FileRole role, long size, Count counter, SourceAdapter adapter) {
    }

    List<String> names() {
        return files.stream().map(e -> e.file().name()).toList();
    }

    static Plan of(IngestRequest request, IngestConfig limits) {
        return of(request, limits, new SourceAdapters(List.of()));
    }

    static Plan of(IngestRequest request, IngestConfig limits, SourceAdapters sources) {
        try {
            List<Entry> entries = new ArrayList<>();
            long total = 0;
            for (InputFile f : request.files()) {
                if (!Files.isRegularFile(f.path())) {
                    throw new IngestException(f.name() + ": no such file");
                }
                long size = Files.size(f.path());
                total += size;
                SourceAdapter adapter = sources.resolve(request.format(), f, limits).orElse(null);
                entries.add(new Entry(f, adapter == null ? FileRole.of(f, limits) : FileRole.of(adapter), size,
                        new Count(), adapter));
            }
            if (total > limits.maxUploadBytes()) {
                throw new IngestException("upload of " + total + " bytes exceeds " + limits.maxUploadBytes()
                        + " bytes (steward.ingest.max-upload-bytes)", true);
            }
            long formats = entries.stream().map(e -> e.adapter() == null ? "native" : e.adapter().format()).distinct().count();
            if (formats > 1) {
                throw new IngestException("one upload holds files of one format; these are "
                        + entries.stream().map(e -> e.file().name() + " (" + (e.adapter() == null ? "native"
                                : e.adapter().format()) + ")").toList() + ": upload each format on its own");
            }
            long decisionFiles = entries.stream().filter(e -> e.role().decisions()).count();
            if (decisionFiles > 0 && decisionFiles < entries.size()) {
                throw new IngestException("one upload holds either decision logs or inventory files, not both: "
                        + entries.stream().map(e -> e.file().name() + " (" + e.role() + ")").toList());
            }
            if (request.expected() != null) {
                boolean decisions = decisionFiles > 0;
                if (decisions != (request.expected() == UploadKind.DECISIONS)) {
                    throw new IngestException("these files are " + (decisions ? "decision logs" : "inventory files")
                            + ", not " + request.expected().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + entries.stream().map(e -> e.file().name()).toList());
                }
            }
            // documents and meta first, so asOf is known early; then sections in a stable order
            entries.sort(Comparator.comparing((Entry e) -> e.role().ordinal()).thenComparing(e -> e.file().name()));
            UploadKind kind = decisionFiles > 0 ? UploadKind.DECISIONS
                    : entries.stream().allMatch(e -> e.role() == FileRole.SECTION_CSV
                            && FileRole.sectionOf(e.file().name()) == RecordMapper.Section.PEOPLE || e.role() == FileRole.META_CSV)
                            ? UploadKind.PEOPLE : UploadKind.INVENTORY;
            if (request.expected() == UploadKind.PEOPLE && kind != UploadKind.PEOPLE
                    && entries.stream().anyMatch(e -> e.role() == FileRole.SECTION_CSV)) {
                throw new IngestException("a people directory upload holds only people.csv (and meta.csv), or a"
                        + " document or workbook with a people section: " + entries.stream().map(e -> e.file().name()).toList());
            }
            return new Plan(entries, kind, hash(entries, request), request.scope());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(List<Entry> entries, IngestRequest request) throws IOException {
        List<String> digests = new ArrayList<>();
        for (Entry e : entries) {
            digests.add(digest(e));
        }
        digests.sort(null);
        MessageDigest all = sha256();
        digests.forEach(d -> all.update((d + "\n").getBytes()));
        all.update(("asOf=" + request.asOf() + "\nsource=" + request.source() + "\nscope=" + request.scope()).getBytes());
        return HexFormat.of().formatHex(all.digest());
    }

    private static String digest(Entry e) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(e.file().path())) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        // the role is part of the meaning: the same bytes as people.csv and as agents.csv are different uploads
        md.update(e.role().name().getBytes());
        if (e.adapter() != null) {
            md.update(e.adapter().format().getBytes());
        }
        if (e.role() == FileRole.SECTION_CSV) {
            md.update(FileRole.sectionOf(e.file().name()).name().getBytes());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts compressed bytes read, for progress. */
    static final class Counter extends FilterInputStream {
        private final Count count;

        Counter(InputStream in, Count count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.count += n;
            }
            return n;
        }
    }
}
