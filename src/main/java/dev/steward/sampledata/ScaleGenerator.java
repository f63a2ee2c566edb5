package dev.steward.sampledata;

import java.io.IOException;
import java.nio.file.Path;

final class ScaleGenerator {
    private ScaleGenerator() {
    }

    static SampleDataGenerator.Summary generate(Path outDir, Scale scale, long seed) throws IOException {
        throw new UnsupportedOperationException("scale");
    }
}
