package dev.steward.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of a page, the same for the screen and for its CSV and XLSX downloads: a name (the download's file
 * name), column headings and rows of cells. A cell may link somewhere on screen and may carry a CSS class (a status
 * colour); downloads use the text only.
 */
public record Table(String name, String title, List<String> columns, List<List<Cell>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The rows of one page ({@link Paging}); the columns, name and title unchanged. */
    public Table page(Paging p) {
        return new Table(name, title, columns, rows.subList(p.from(), p.to()));
    }

    /** One cell: text, an optional link and an optional CSS class. */
    public record Cell(String text, String href, String css) {
        public static Cell of(Object value) {
            return new Cell(value == null ? "" : value.toString(), null, null);
        }

        public static Cell link(Object value, String href) {
            return new Cell(value == null ? "" : value.toString(), href, null);
        }

        public static Cell styled(Object value, String css) {
            return new Cell(value == null ? "" : value.toString(), null, css);
        }

        /**
         * Several links in one cell ("PDF, XLSX"): the page shows each label as its link, a download the labels.
         * Labels hold no comma, addresses no line break.
         */
        public static Cell links(List<String> labels, List<String> hrefs) {
            return new Cell(String.join(", ", labels), String.join("\n", hrefs), "links");
        }

        /** Check ids ("OWN-2, LIF-1"), each kept on one line: a page never wraps one at its hyphen. */
        public static Cell codes(Object value) {
            return styled(value, "codes");
        }

        /** A check id with its variant when it is not the default one: "AUT-3 (prod)". */
        public static Cell check(String checkId, String variant) {
            return codes(checkId + ("default".equals(variant) || variant == null ? "" : " (" + variant + ")"));
        }
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String name;
        private final String title;
        private final List<String> columns;
        private final List<List<Cell>> rows = new ArrayList<>();

        public Builder(String name, String title, String... columns) {
            this.name = name;
            this.title = title;
            this.columns = List.of(columns);
        }

        public Builder row(Object... cells) {
            List<Cell> row = new ArrayList<>(cells.length);
            for (Object c : cells) {
                row.add(c instanceof Cell cell ? cell : Cell.of(c));
            }
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": " + row.size() + " cells for " + columns.size() + " columns");
            }
            rows.add(row);
            return this;
        }

        public Table build() {
            return new Table(name, title, columns, rows);
        }
    }
}
