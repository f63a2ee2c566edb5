package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pack's texts are length-prefixed canonical UTF-8, exactly {@code getBytes(UTF_8)}: the window scan looks the
 * texts of stored packs up by their bytes ({@code WindowTextTable}), so a text written any other way would not meet
 * itself. Covers the ASCII path at every length class (empty, the one-byte and two-byte length prefixes, past the
 * scratch array's first size and past its limit) and each kind of text that leaves it.
 */
class PackBytesTest {

    private static final String ASCII = "agent=agent-000123;credential=cred-000456;days=2026-08-03..2026-10-31";

    @Test
    void textsAreTheirUtf8BytesAfterTheirLengthWhateverTheirLengthAndChars() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int n : new int[] {0, 1, 126, 127, 128, 129, 4096, 65_536, 65_537, 200_000}) {
            texts.add(ASCII.repeat(n / ASCII.length() + 1).substring(0, n));
        }
        texts.add("caf\u00e9 owner");                      // Latin-1, not ASCII: two bytes
        texts.add("\u0141ukasz");                          // beyond Latin-1: a char whose low byte is ASCII 'A'
        texts.add("x".repeat(300) + "\u20ac");             // the first non-ASCII char at the end of a long text
        texts.add("tool \ud83d\udd27 used");               // a supplementary character: four bytes
        texts.add("half \ud83d surrogate");                // unpaired: getBytes writes '?'
        texts.add("\u007f\u0080");                         // the last ASCII char, the first that is not
        PackBytes.Out out = new PackBytes.Out(16);
        PackBytes.Out expected = new PackBytes.Out(16);
        for (String t : texts) {
            out.text(t);
            byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
            expected.varLong(utf8.length + 1L);
            expected.bytes(utf8, 0, utf8.length);
        }
        out.text(null);
        expected.varLong(0);
        assertThat(bytes(out)).isEqualTo(bytes(expected));

        PackBytes.In in = new PackBytes.In(bytes(out));
        for (String t : texts) {
            String back = in.text();
            assertThat(back).isEqualTo(new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        assertThat(in.text()).isNull();
    }

    @Test
    void aTextThatLeavesTheAsciiPathLeavesNothingOfItsStartBehind() throws IOException {
        PackBytes.Out out = new PackBytes.Out(16);
        out.text("before");
        out.text("a".repeat(200) + "\u00e9" + "b".repeat(50));
        out.text("after");
        PackBytes.In in = new PackBytes.In(bytes(out));
        assertThat(in.text()).isEqualTo("before");
        assertThat(in.text()).isEqualTo("a".repeat(200) + "\u00e9" + "b".repeat(50));
        assertThat(in.text()).isEqualTo("after");
    }

    private static byte[] bytes(PackBytes.Out out) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        out.writeTo(b);
        return b.toByteArray();
    }
}
