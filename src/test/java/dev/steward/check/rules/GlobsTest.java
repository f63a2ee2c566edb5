package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checks' pattern globs: where a star stands, case, the whole text, and one compilation per parameter value. */
class GlobsTest {

    @Test
    void globsAreCompiledOncePerValueAndMatchTheWholeText() {
        List<String> value = new ArrayList<>(List.of("delete*", "*:wire-transfer", "ROTATE"));
        Pattern[] globs = Globs.of(value);
        assertThat(Globs.of(List.of("delete*", "*:wire-transfer", "ROTATE"))).as("cached by content").isSameAs(globs);
        assertThat(Globs.matchesAny(globs, "Delete_user")).isTrue();
        assertThat(Globs.matchesAny(globs, "bank:wire-transfer")).isTrue();
        assertThat(Globs.matchesAny(globs, "rotate")).as("case-insensitive").isTrue();
        assertThat(Globs.matchesAny(globs, "rotate-key")).as("the whole text").isFalse();
        assertThat(Globs.matchesAny(globs, "undelete")).isFalse();
        value.set(2, "purge");
        assertThat(Globs.matchesAny(Globs.of(List.of("delete*", "*:wire-transfer", "ROTATE")), "rotate"))
                .as("a caller's later change to its list does not reach the cache").isTrue();
        assertThat(Globs.matchesAny(Globs.of(List.of()), "anything")).isFalse();
    }

    @Test
    void aGlobsStarsMatchAnyCharactersWhereverTheyStand() {
        assertThat(Globs.compile("*:wire-transfer").matcher("bank:wire-transfer").matches()).as("leading").isTrue();
        assertThat(Globs.compile("*:wire-transfer").matcher("bank:wire-transfers").matches()).isFalse();
        assertThat(Globs.compile("delete*").matcher("delete").matches()).as("trailing, empty").isTrue();
        assertThat(Globs.compile("*admin*").matcher("sysAdmin-x").matches()).as("both ends").isTrue();
        assertThat(Globs.compile("a*n").matcher("admin").matches()).as("inside").isTrue();
        assertThat(Globs.compile("a*n").matcher("xadmin").matches()).isFalse();
        assertThat(Globs.compile("**").matcher("").matches()).isTrue();
        assertThat(Globs.compile("a.b").matcher("axb").matches()).as("everything else literal").isFalse();
        assertThat(Globs.compile("").matcher("").matches()).isTrue();
    }
}
