package org.newslens.annotate.names;

import java.util.Set;

/** The NER types NewsLens keeps as entity mentions. */
public final class MentionTypes {
    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";
    public static final String MISC = "MISC";
    /** CoreNLP's tag for tokens outside any entity. */
    public static final String NONE = "O";

    private MentionTypes() {}

    public static Set<String> kept(boolean withMisc) {
        return withMisc ? Set.of(PERSON, ORGANIZATION, LOCATION, MISC) : Set.of(PERSON, ORGANIZATION, LOCATION);
    }
}
