package dev.steward.report;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Report settings ({@code steward.reports.*}). */
@ConfigMapping(prefix = "steward.reports")
public interface ReportsConfig {

    /**
     * Folder of FreeMarker templates that override the bundled ones in {@code templates/} by file name
     * ({@code ownership.ftlh}, {@code gaps.ftlh}, {@code layout.ftlh}); a template missing there falls back to the
     * bundled one. Unset: only the bundled templates.
     */
    Optional<Path> templatesDir();
}
