package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out} folder of a command that writes files after long work (an assessment of millions of decisions,
 * every report): checked before any of that work, so that a typo or an unwritable place is told at once instead of
 * after the run. Nothing is created by the check; the command creates the folder when it writes.
 */
final class OutFolder {

    private OutFolder() {
    }

    /**
     * Throws an {@link IllegalArgumentException} (bad usage, exit code 2) naming the option, the path and the reason
     * when {@code out} is a file, lies under a file, or its nearest existing folder does not take a new file.
     */
    static void check(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw bad(out, "no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw bad(out, existing.equals(target) ? "it is a file, not a folder" : existing + " is a file, not a folder");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".steward-out-", ".probe"));
        } catch (IOException | UnsupportedOperationException e) {
            throw bad(out, "cannot create a file in " + existing + " (" + CliErrors.what(e) + ")");
        }
    }

    private static IllegalArgumentException bad(Path out, String why) {
        return new IllegalArgumentException("--out '" + out + "': " + why);
    }
}
