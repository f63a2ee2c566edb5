package dev.steward.web;

import dev.steward.ingest.Times;
import java.time.Clock;
import java.time.Instant;

/** Parses an optional {@code asOf} query parameter (RFC 3339 or date); absent means now. */
final class AsOfParam {

    private AsOfParam() {
    }

    static Instant parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        return Times.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "asOf '" + text + "' is not an RFC 3339 date-time or a date (YYYY-MM-DD)"));
    }
}
