package org.newslens.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharsTest {
    @Test
    void lettersAndDigitsOfAnyScriptCountPunctuationAndSpaceDoNot() {
        assertThat(Chars.hasLetterOrDigit("-- * --")).isFalse();
        assertThat(Chars.hasLetterOrDigit("   ")).isFalse();
        assertThat(Chars.hasLetterOrDigit("")).isFalse();
        assertThat(Chars.hasLetterOrDigit("\u201c.\u201d")).isFalse();
        assertThat(Chars.hasLetterOrDigit("(7)")).isTrue();
        assertThat(Chars.hasLetterOrDigit("\u00e9")).isTrue();
        assertThat(Chars.hasLetterOrDigit("\u4e2d")).isTrue();
    }
}
