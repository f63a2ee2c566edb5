package dev.steward.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** An RFC 7807 problem body ({@code application/problem+json}); {@code extra} adds extension members. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problems7807(String type, String title, int status, String detail, String instance,
        @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extra) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problems7807 of(int status, String title, String detail, String instance) {
        return new Problems7807("about:blank", title, status, detail, instance, Map.of());
    }
}
