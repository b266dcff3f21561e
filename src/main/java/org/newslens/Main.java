package org.newslens;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.newslens.config.Settings;
import org.newslens.config.SettingsException;
import org.newslens.pipeline.Pipeline;
import org.newslens.pipeline.RunSummary;

/**
 * The one entry point, for spark-submit and for the launchers in {@code jobs/}:
 * {@code Main <job> [--key value ...]} with job one of ingest, annotate, terms, ..., all.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;

    private Main() {}

    public static void main(String[] args) {
        int code = run(args);
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs a command and returns the process exit code; tests call this without exiting the JVM. */
    public static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return args.length == 0 ? BAD_ARGUMENTS : OK;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            System.out.println(usage());
            return OK;
        }
        try {
            Settings settings = SettingsRegistry.parse(rest);
            if (org.newslens.config.CoreSettings.isAppend(settings) && !command.equals("all")) {
                throw new SettingsException(
                        "--mode append brings every table up to date, so it runs the whole pipeline: use all");
            }
            RunSummary summary = Pipeline.run(Jobs.forCommand(command), settings);
            System.out.print(summary.render());
            return OK;
        } catch (SettingsException e) {
            System.err.println("newslens: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (Exception e) {
            System.err.println("newslens: " + command + " failed: " + e);
            e.printStackTrace(System.err);
            return FAILED;
        }
    }

    static String usage() {
        return "Usage: newslens <job> [--setting value ...]\n"
                + "Jobs: " + String.join(", ", Jobs.names()) + "\n"
                + "Settings:\n" + SettingsRegistry.help();
    }
}
