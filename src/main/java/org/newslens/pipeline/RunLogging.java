package org.newslens.pipeline;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Applies the log level of {@code --log-level} to whatever log4j2 configuration is active. Under spark-submit
 * that is Spark's own (INFO for everything: some 14,000 lines for the sample corpus on a small cluster), so the
 * levels are set in code rather than by a properties file the cluster would not read.
 */
public final class RunLogging {
    private RunLogging() {}

    /**
     * {@code warn}: warnings and errors from Spark and the libraries, NewsLens's own lines (stage starts and ends,
     * progress, figures); {@code info}: Spark's info lines too; {@code debug}: NewsLens's debug lines as well.
     */
    public static void apply(String level) {
        switch (level) {
            case "info" -> Configurator.setRootLevel(Level.INFO);
            case "debug" -> {
                Configurator.setRootLevel(Level.INFO);
                Configurator.setLevel("org.newslens", Level.DEBUG);
                return;
            }
            default -> Configurator.setRootLevel(Level.WARN);
        }
        Configurator.setLevel("org.newslens", Level.INFO);
        // Says only that Hadoop's optional native code is absent, on every start.
        Configurator.setLevel("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
    }
}
