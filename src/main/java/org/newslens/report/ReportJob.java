package org.newslens.report;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newslens.config.CoreSettings;
import org.newslens.config.SettingsException;
import org.newslens.io.HadoopConf;
import org.newslens.io.ParquetTables;
import org.newslens.io.Table;
import org.newslens.pipeline.Job;
import org.newslens.pipeline.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jobs/report}: reads whichever tables exist in a run folder with parquet-hadoop (no SparkSession),
 * prints a console summary and writes {@code report/index.html} beside them: in a run of several jobs, the
 * folder of that run before it is committed; alone, the output's current run ({@code <output>/current/}).
 */
public final class ReportJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    @Override
    public String name() {
        return "report";
    }

    /** None required: the report covers whichever tables exist (a terms-only run gets a terms report). */
    @Override
    public List<Table> inputs() {
        return List.of();
    }

    @Override
    public List<Table> outputs() {
        return List.of();
    }

    @Override
    public boolean needsSpark() {
        return false;
    }

    @Override
    public void run(JobContext context) throws Exception {
        String output = context.settings().get(CoreSettings.OUTPUT);
        ParquetTables tables = context.tables() != null
                ? ParquetTables.ofRun(
                        HadoopConf.forSession(context.spark()), context.tables().runFolder())
                : new ParquetTables(HadoopConf.forSession(null), output);
        if (tables.present().isEmpty()) {
            throw new SettingsException("report found no NewsLens tables under " + tables.root()
                    + "; run jobs/all (or jobs/ingest and the jobs after it) first, or set --output");
        }
        ReportData data = new ReportLoader(tables, context.settings()).load();
        System.out.print(ConsoleSummary.render(data));
        Path page = write(tables, HtmlReport.render(data));
        LOG.info("Report written to {} from tables {}", page, data.present());
        context.summary().put("report_page", "report", page.toString());
    }

    /**
     * Writes the page next to the tables, through a temporary file so a reader never sees half a page (a
     * report run alone replaces the page of the current run this way).
     */
    static Path write(ParquetTables tables, String html) throws java.io.IOException {
        Path dir = new Path(tables.root(), "report");
        Path page = new Path(dir, "index.html");
        Path temp = new Path(dir, ".index.html.tmp");
        // An own (uncached) instance, so that turning off the local file system's .crc side files does not
        // change the instance Spark shares; users open this folder in a browser.
        try (FileSystem fs = FileSystem.newInstance(dir.toUri(), tables.conf())) {
            fs.setWriteChecksum(false);
            fs.mkdirs(dir);
            try (OutputStream out = fs.create(temp, true)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(page, false);
            if (!fs.rename(temp, page)) {
                throw new java.io.IOException("Could not move " + temp + " to " + page);
            }
        }
        return page;
    }
}
