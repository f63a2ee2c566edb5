package dev.steward.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Private temporary folders that hold uploaded files until they are ingested. */
public final class TempFolders {

    private TempFolders() {
    }

    /**
     * Deletes the folder and everything in it (null = nothing). A folder that cannot be deleted is left behind, with
     * only the user's own upload in it, for the system's temporary directory to be cleaned.
     */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind, as said above
        }
    }
}
