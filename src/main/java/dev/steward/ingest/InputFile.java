package dev.steward.ingest;

import java.nio.file.Path;

/** One file of an upload: the name it is reported under and where its bytes are. */
public record InputFile(String name, Path path) {

    public static InputFile of(Path path) {
        return new InputFile(path.getFileName().toString(), path);
    }
}
