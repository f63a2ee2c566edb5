package dev.steward.mapping;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who stands behind a crosswalk: the framework owner ({@code official}) or Steward's own analysis ({@code steward}). */
public enum Provenance {
    OFFICIAL("official"),
    STEWARD("steward");

    private final String word;

    Provenance(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }
}
