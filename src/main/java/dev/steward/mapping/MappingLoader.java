package dev.steward.mapping;

import dev.steward.check.Check;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Loads the mappings: the files bundled under {@code mappings/} on the classpath (listed in
 * {@code mappings/index.txt}, since a jar cannot be listed reliably), then the YAML files of an optional user folder,
 * where a file with the same relative name replaces the bundled one and any other file adds a framework or
 * crosswalk - no rebuild needed. Everything is validated against the JSON Schemas and the known checks, and all
 * errors are reported together in one {@link MappingException}.
 */
public final class MappingLoader {

    /** Classpath folder of the bundled mappings (the repository's {@code mappings/} folder). */
    public static final String BUNDLED_ROOT = "mappings/";
    /** Classpath index of the bundled files, one relative name per line, {@code #} comments allowed. */
    public static final String INDEX = BUNDLED_ROOT + "index.txt";
    public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(MappingLoader.class);

    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final List<MappingError> checkErrors = new ArrayList<>();
    private final long maxFileBytes;

    /** @param checks the check catalog the mappings must refer to */
    public MappingLoader(Collection<? extends Check> checks) {
        this(checks, DEFAULT_MAX_FILE_BYTES);
    }

    public MappingLoader(Collection<? extends Check> checks, long maxFileBytes) {
        for (Check check : checks) {
            Check other = this.checks.putIfAbsent(check.id(), check);
            if (other != null) {
                checkErrors.add(new MappingError("check catalog", "check " + check.id(), "defined twice, by "
                        + other.getClass().getName() + " and " + check.getClass().getName()));
            }
        }
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Loads the bundled mappings plus, when given, the user folder: a user file with a bundled file's name takes its
     * place, other user files come after the bundled ones.
     */
    public MappingSet load(Optional<Path> userDir) {
        List<MappingError> errors = new ArrayList<>();
        Map<String, MappingFile> files = new LinkedHashMap<>();
        bundled(errors).forEach(f -> files.put(f.name(), f));
        userDir.ifPresent(dir -> folder(dir, errors).forEach(f -> {
            MappingFile replaced = files.put(f.name(), f);
            if (replaced != null) {
                LOG.infof("Mapping file %s replaces the bundled %s", f.origin(), replaced.origin());
            }
        }));
        return load(List.copyOf(files.values()), errors);
    }

    /**
     * Loads exactly the given files (names must be unique). When two files define the same framework or crosswalk id,
     * the earlier one in this list counts as the definition and the later one is reported as the duplicate.
     */
    public MappingSet load(List<MappingFile> files) {
        return load(files, new ArrayList<>());
    }

    private MappingSet load(List<MappingFile> files, List<MappingError> errors) {
        errors.addAll(0, checkErrors);
        MappingParser parser = new MappingParser(maxFileBytes);
        List<MappingParser.Parsed> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MappingFile file : files) {
            if (!names.add(file.name())) {
                errors.add(new MappingError(file.origin(), null, "a file named '" + file.name() + "' was already given"));
                continue;
            }
            parsed.add(parser.parse(file, errors));
        }
        errors.addAll(new MappingValidator(checks).validate(parsed));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(MappingError::file).thenComparingInt(MappingError::line));
            throw new MappingException(errors);
        }
        List<Framework> frameworks = new ArrayList<>();
        List<Crosswalk> crosswalks = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (MappingParser.Parsed p : parsed) {
            if (p.framework() != null) {
                frameworks.add(p.framework());
                origins.put(p.framework().id(), p.file().origin());
            } else {
                crosswalks.add(p.crosswalk());
                origins.put(p.crosswalk().id(), p.file().origin());
            }
        }
        return new MappingSet(frameworks, crosswalks, origins, version(files));
    }

    /** SHA-256 over each file's name and bytes, in name order, each part length-prefixed so no two sets collide. */
    static String version(List<MappingFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(MappingFile::name)).forEach(file -> {
                byte[] name = file.name().getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
                digest.update(name);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(file.bytes().length).array());
                digest.update(file.bytes());
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The bundled files listed in {@link #INDEX}. */
    static List<MappingFile> bundled(List<MappingError> errors) {
        ClassLoader loader = MappingLoader.class.getClassLoader();
        List<MappingFile> files = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                errors.add(new MappingError("classpath:" + INDEX, null, "bundled mapping index not found on the classpath"));
                return files;
            }
            List<String> names = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (String name : names) {
                try (InputStream in = loader.getResourceAsStream(BUNDLED_ROOT + name)) {
                    if (in == null) {
                        errors.add(new MappingError("classpath:" + INDEX, null, "lists '" + name + "' but it is not on the classpath"));
                    } else {
                        files.add(new MappingFile(name, "classpath:" + BUNDLED_ROOT + name, in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            errors.add(new MappingError("classpath:" + INDEX, null, "cannot read the bundled mappings: " + e.getMessage()));
        }
        return files;
    }

    /**
     * Every {@code *.yaml} / {@code *.yml} file under the folder, sub-folders included, except hidden files and the
     * top-level {@code schema/} folder; names are relative with {@code /} separators.
     */
    static List<MappingFile> folder(Path dir, List<MappingError> errors) {
        if (!Files.isDirectory(dir)) {
            errors.add(new MappingError(dir.toString(), null, "steward.mappings.dir does not exist or is not a folder"));
            return List.of();
        }
        List<MappingFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = dir.relativize(path);
                String name = relative.toString().replace('\\', '/');
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (hidden || name.startsWith("schema/") || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                try {
                    files.add(new MappingFile(name, path.toString(), Files.readAllBytes(path)));
                } catch (IOException e) {
                    errors.add(new MappingError(path.toString(), null, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            errors.add(new MappingError(dir.toString(), null, "cannot list the folder: " + e.getMessage()));
        }
        return files;
    }
}
