package dev.steward.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The mappings could not be loaded. Carries every error found, not only the first, so a user fixes a broken
 * mapping folder in one pass; the message lists each error with its file and control id.
 */
public class MappingException extends RuntimeException {

    private final transient List<MappingError> errors;

    public MappingException(List<MappingError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    public List<MappingError> errors() {
        return errors;
    }

    private static String render(List<MappingError> errors) {
        return errors.size() + (errors.size() == 1 ? " mapping error" : " mapping errors") + ":\n"
                + errors.stream().map(e -> "  - " + e).collect(Collectors.joining("\n"));
    }
}
