package org.newslens.io;

import java.util.Comparator;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Spark's ascending order of strings, for code that ranks rows itself but must break ties as a Spark sort
 * would: by the strings' UTF-8 bytes, which differs from {@link String#compareTo} (UTF-16 units) beyond the
 * Basic Multilingual Plane.
 */
public final class SparkOrder {
    /** Non-null strings in Spark's ascending order. */
    public static final Comparator<String> STRINGS = Comparator.comparing(UTF8String::fromString);

    private SparkOrder() {}
}
