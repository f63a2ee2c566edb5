package dev.steward.sampledata;

import java.io.IOException;
import java.io.Writer;

/** Writes the people directory as CSV per RFC 4180 (CRLF line ends, quoted fields where needed). */
final class PeopleCsv {

    static final String HEADER = "id,name,email,team,manager,status,departedAt";

    private final Writer out;

    PeopleCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\r\n");
    }

    void person(PersonSpec p) throws IOException {
        out.write(Text.csv(p.id()) + ',' + Text.csv(p.name()) + ',' + Text.csv(p.email()) + ',' + Text.csv(p.team())
                + ',' + Text.csv(p.manager()) + ',' + p.status() + ','
                + (p.departedAt() == null ? "" : Text.time(p.departedAt())) + "\r\n");
    }
}
