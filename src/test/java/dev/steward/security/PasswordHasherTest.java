package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String h = PasswordHasher.hash("correct horse battery");
        assertThat(h).startsWith("pbkdf2-sha256$210000$");
        assertThat(PasswordHasher.verify("correct horse battery", h)).isTrue();
        assertThat(PasswordHasher.verify("correct horse batterY", h)).isFalse();
        assertThat(PasswordHasher.hash("correct horse battery")).isNotEqualTo(h);
        assertThat(PasswordHasher.verify("x", "not-a-hash")).isFalse();
        assertThat(PasswordHasher.verify("x", "pbkdf2-sha256$nope$AA==$AA==")).isFalse();
    }

    @Test
    void refusesShortPasswordsAndGeneratesLongOnes() {
        assertThatThrownBy(() -> PasswordHasher.checkStrength("short")).hasMessageContaining("12 characters");
        assertThat(PasswordHasher.generate()).hasSize(20).isNotEqualTo(PasswordHasher.generate());
    }
}
