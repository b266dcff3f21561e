package org.newslens.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions of NewsLens and the parts that shape its results, for the manifest. */
public final class Versions {
    private Versions() {}

    public static Map<String, String> all() {
        Map<String, String> versions = new LinkedHashMap<>();
        String own = Versions.class.getPackage().getImplementationVersion();
        versions.put("newslens", own == null ? "dev" : own);
        versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        versions.put("corenlp", "4.5.10");
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
