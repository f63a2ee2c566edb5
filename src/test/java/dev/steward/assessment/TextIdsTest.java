package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text numbering of the sharded assessment's temporary files: by value, in first-seen order. */
class TextIdsTest {

    @Test
    void equalTextsFromDistinctInstancesShareOneIdInFirstSeenOrder() {
        TextIds ids = new TextIds();
        String first = new String("p-ada-00001");
        String again = new String("p-ada-00001");
        assertThat(first).isNotSameAs(again);

        assertThat(ids.id(first)).isZero();
        assertThat(ids.id("payments")).isEqualTo(1);
        assertThat(ids.id(again)).isZero();
        assertThat(ids.id(new String("payments"))).isEqualTo(1);
        assertThat(ids.id("prod")).isEqualTo(2);
        assertThat(ids.size()).isEqualTo(3);

        assertThat(ids.text(0)).isSameAs(first);
        assertThat(ids.text(1)).isEqualTo("payments");
        assertThat(ids.text(2)).isEqualTo("prod");
    }

    @Test
    void nullIsMinusOneBothWays() {
        TextIds ids = new TextIds();
        assertThat(ids.id(null)).isEqualTo(-1);
        assertThat(ids.text(-1)).isNull();
        assertThat(ids.size()).isZero();
    }
}
