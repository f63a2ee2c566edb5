package dev.steward.check;

/** What a check judges. The JSON names are those of the findings contract. */
public enum SubjectType {
    AGENT("agent"),
    CREDENTIAL("credential"),
    PRINCIPAL("principal");

    private final String json;

    SubjectType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
