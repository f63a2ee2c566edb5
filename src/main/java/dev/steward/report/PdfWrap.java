package dev.steward.report;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.util.Arrays;

/**
 * Word wrap for {@link PdfGrid} with the rules of OpenPDF's table cells (its {@code BidiLine}), so a cell breaks
 * where it did before: a line ends at {@code '\n'}; otherwise after the last space or hyphen that fits (a space that
 * does not fit ends the line too), or, with no such place, at the first character that does not fit (at least one
 * character a line); a line's trailing and a wrapped line's leading blanks are dropped. Widths are the font's own
 * (WinAnsi Helvetica: a character outside WinAnsi has no width and is not drawn, as before).
 */
final class PdfWrap {

    private PdfWrap() {
    }

    /** A font at a size in a colour, with the widths of the first 256 characters at hand (the wrap asks often). */
    record Ink(BaseFont font, float size, Color colour, float[] latin) {

        static Ink of(Font f) {
            return of(f.getBaseFont(), f.getSize(), f.getColor());
        }

        static Ink of(BaseFont font, float size, Color colour) {
            float[] latin = new float[256];
            for (char c = 0; c < 256; c++) {
                latin[c] = font.getWidth(c) * 0.001f * size;
            }
            return new Ink(font, size, colour, latin);
        }

        /** A character's width in points, as OpenPDF measures it (no kerning). */
        float width(char c) {
            return c < 256 ? latin[c] : font.getWidth(c) * 0.001f * size;
        }

        float ascent() {
            return font.getFontDescriptor(BaseFont.ASCENT, size);
        }

        float descent() {
            return font.getFontDescriptor(BaseFont.DESCENT, size);
        }
    }

    /** Where OpenPDF may break a line: after a blank, a hyphen or a typographic space (CJK left out: not WinAnsi). */
    static boolean splits(char c) {
        return c <= ' ' || c == '-' || c == '\u2010' || (c >= '\u2002' && c <= '\u200b');
    }

    /** One cell of a row: its text, fonts and paddings, and its lines once {@link #wrap wrapped}. */
    static final class Cell {
        String text;
        Ink first;
        Ink rest;
        float multiplier;
        boolean right;
        float padLeft;
        float padTop;
        float padBottom;
        Color background;
        /** The lines drawn on the current page: [from, to). */
        int from;
        int to;
        private int count;
        private int[] start = new int[4];
        private int[] end = new int[4];
        private boolean[] later = new boolean[4];
        private float[] width = new float[4];

        void set(String text, Ink first, Ink rest, float multiplier, boolean right, float padLeft, float padTop,
                Color background) {
            this.text = text;
            this.first = first;
            this.rest = rest == null ? first : rest;
            this.multiplier = multiplier;
            this.right = right;
            this.padLeft = padLeft;
            this.padTop = padTop;
            this.padBottom = PdfGrid.PAD;
            this.background = background;
            this.count = 0;
        }

        int count() {
            return count;
        }

        String line(int l) {
            return text.substring(start[l], end[l]);
        }

        boolean isEmpty(int l) {
            return start[l] == end[l];
        }

        float width(int l) {
            return width[l];
        }

        Ink ink(int l) {
            return later[l] ? rest : first;
        }

        /**
         * The distance from the previous line's baseline (or the top padding) to this line's. A cell's first line sits
         * one font size below its padding whatever the cell's line spacing, so that every cell of a row starts on the
         * same line: a spaced cell (a check over its title) used to start half a line lower than its neighbours.
         */
        float leading(int l) {
            return (l == 0 ? 1 : multiplier) * ink(l).size;
        }

        /** The height of the cell showing lines [from, to): paddings and leadings; no lines left is no height. */
        float height(int from, int to) {
            if (from >= to && from > 0) {
                return 0;
            }
            float h = padTop + padBottom;
            for (int l = from; l < to; l++) {
                h += leading(l);
            }
            return h;
        }

        /** The end of the lines from {@code from} that fit in {@code room} points with the paddings (at least one). */
        int fit(int from, float room) {
            if (from >= count) {
                return count;
            }
            float h = padTop + padBottom + leading(from);
            int l = from + 1;
            while (l < count && h + leading(l) <= room) {
                h += leading(l++);
            }
            return l;
        }

        /** Breaks the text into lines of at most {@code room} points. */
        void wrap(float room) {
            count = 0;
            int n = text.length();
            int paragraph = 0;
            int pos = 0;
            while (pos <= n) {
                int stop = text.indexOf('\n', pos);
                if (stop < 0) {
                    stop = n;
                }
                paragraph(pos, stop, room, paragraph > 0);
                paragraph++;
                pos = stop + 1;
            }
        }

        private void paragraph(int pos, int stop, float room, boolean isLater) {
            Ink ink = isLater ? rest : first;
            boolean any = false;
            while (true) {
                if (pos > 0) {
                    while (pos < stop && text.charAt(pos) <= ' ') {
                        pos++;
                    }
                }
                if (pos >= stop) {
                    if (!any) {
                        add(pos, pos, isLater, 0);
                    }
                    return;
                }
                any = true;
                float left = room;
                int i = pos;
                int split = -1;
                while (i < stop) {
                    char c = text.charAt(i);
                    float w = ink.width(c);
                    boolean s = splits(c);
                    if (s && Character.isWhitespace(c)) {
                        split = i;
                    }
                    if (left - w < 0) {
                        break;
                    }
                    if (s) {
                        split = i;
                    }
                    left -= w;
                    i++;
                }
                if (i >= stop) {
                    int e = trimRight(pos, stop);
                    add(pos, e, isLater, room - left - trailing(ink, e, stop));
                    return;
                }
                if (i == pos) {
                    add(pos, pos + 1, isLater, ink.width(text.charAt(pos)));
                    pos++;
                    continue;
                }
                int e = trimRight(pos, i);
                if (split < 0 || split >= e - 1) {
                    add(pos, e, isLater, measure(ink, pos, e));
                    pos = i;
                } else {
                    int se = trimRight(pos, split + 1);
                    add(pos, se, isLater, measure(ink, pos, se));
                    pos = split + 1;
                }
            }
        }

        private int trimRight(int from, int e) {
            while (e > from && text.charAt(e - 1) <= ' ') {
                e--;
            }
            return e;
        }

        private float trailing(Ink ink, int e, int stop) {
            return e == stop ? 0 : measure(ink, e, stop);
        }

        private float measure(Ink ink, int from, int to) {
            float w = 0;
            for (int i = from; i < to; i++) {
                w += ink.width(text.charAt(i));
            }
            return w;
        }

        private void add(int s, int e, boolean isLater, float w) {
            if (count == start.length) {
                int size = count * 2;
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                later = Arrays.copyOf(later, size);
                width = Arrays.copyOf(width, size);
            }
            start[count] = s;
            end[count] = e;
            later[count] = isLater;
            width[count] = w;
            count++;
        }
    }
}
