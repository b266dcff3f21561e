package org.newslens.annotate.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameCleanerTest {
    private static final String PER = MentionTypes.PERSON;
    private static final String ORG = MentionTypes.ORGANIZATION;
    private static final String LOC = MentionTypes.LOCATION;

    @Test
    void titlesAndHonorificsAreNotPartOfAPersonName() {
        assertThat(NameCleaner.clean("President Amara Okafor", PER)).isEqualTo("Amara Okafor");
        assertThat(NameCleaner.clean("Dr. Lena Vogt", PER)).isEqualTo("Lena Vogt");
        assertThat(NameCleaner.clean("Foreign Minister Tomas Kral", PER)).isEqualTo("Tomas Kral");
        assertThat(NameCleaner.clean("Crown Prince Haakon", PER)).isEqualTo("Haakon");
        assertThat(NameCleaner.clean("Sen. Maria Quispe", PER)).isEqualTo("Maria Quispe");
    }

    @Test
    void aBareTitleOrPossessiveIsNoName() {
        assertThat(NameCleaner.clean("President", PER)).isNull();
        assertThat(NameCleaner.clean("Prime Minister", PER)).isNull();
        assertThat(NameCleaner.clean("'s", LOC)).isNull();
        assertThat(NameCleaner.clean("\u2019s", ORG)).isNull();
    }

    @Test
    void titleWordsInsideOrganisationNamesStay() {
        assertThat(NameCleaner.clean("General Motors", ORG)).isEqualTo("General Motors");
        assertThat(NameCleaner.clean("Supreme Court of Ruritania", ORG)).isEqualTo("Supreme Court of Ruritania");
    }

    @Test
    void possessivesArticlesQuotesAndTrailingRolesAreStripped() {
        assertThat(NameCleaner.clean("Okafor's", PER)).isEqualTo("Okafor");
        assertThat(NameCleaner.clean("Tomas Kral\u2019s", PER)).isEqualTo("Tomas Kral");
        assertThat(NameCleaner.clean("Brazil's", LOC)).isEqualTo("Brazil");
        assertThat(NameCleaner.clean("Lagos Waterworks'", ORG)).isEqualTo("Lagos Waterworks");
        assertThat(NameCleaner.clean("the Ruritanian Parliament", ORG)).isEqualTo("Ruritanian Parliament");
        assertThat(NameCleaner.clean("Lena Vogt \u201C", PER)).isEqualTo("Lena Vogt");
        assertThat(NameCleaner.clean("Ruritania Health Ministry spokesperson", ORG))
                .isEqualTo("Ruritania Health Ministry");
        assertThat(NameCleaner.clean("Amara\n Okafor", PER)).isEqualTo("Amara Okafor");
    }

    @Test
    void countryAliasesBecomeTheCountryName() {
        for (String form : new String[] {
            "US", "U.S.", "USA", "United States", "the United States", "United States of America", "America"
        }) {
            assertThat(NameCleaner.clean(form, LOC)).as(form).isEqualTo("United States");
        }
        for (String form : new String[] {"UK", "U.K.", "Britain", "Great Britain", "United Kingdom"}) {
            assertThat(NameCleaner.clean(form, LOC)).as(form).isEqualTo("United Kingdom");
        }
        assertThat(NameCleaner.clean("Russian Federation", LOC)).isEqualTo("Russia");
        assertThat(NameCleaner.clean("Republic of Korea", LOC)).isEqualTo("South Korea");
        assertThat(NameCleaner.clean("Viet Nam", LOC)).isEqualTo("Vietnam");
        assertThat(NameCleaner.clean("Peru's", LOC)).isEqualTo("Peru");
        assertThat(NameCleaner.clean("UAE", ORG)).isEqualTo("United Arab Emirates");
    }

    @Test
    void lowerCaseWordsAreNotCountryCodes() {
        assertThat(Countries.canonical("us")).isEmpty();
        assertThat(Countries.canonical("Us")).isEmpty();
        assertThat(Countries.canonical("brazil")).contains("Brazil");
    }
}
