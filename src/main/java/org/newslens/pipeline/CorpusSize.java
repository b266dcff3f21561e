package org.newslens.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newslens.config.Settings;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The size of the corpus a run works on, known before any Spark job: what the run defaults are sized by. */
final class CorpusSize {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusSize.class);

    private CorpusSize() {}

    /**
     * Bytes of the input when a job of the run reads it (measured by that job, which knows how to list it:
     * links, loops and special files), else of the current documents table (which holds the text); in an append,
     * the input and the current documents table together, since the corpus-wide tables cover both. 0 when
     * neither can be measured.
     */
    static long bytes(List<Job> jobs, Settings settings, TableStore tables, Configuration conf, boolean append) {
        try {
            for (Job job : jobs) {
                long input = job.inputBytes(settings, conf);
                if (input >= 0) {
                    return append ? input + storedDocuments(tables, conf) : input;
                }
            }
            return storedDocuments(tables, conf);
        } catch (IOException e) {
            LOG.warn("Could not measure the corpus: {}", e.toString());
            return 0;
        }
    }

    private static long storedDocuments(TableStore tables, Configuration conf) throws IOException {
        Path documents = tables.location(Table.DOCUMENTS);
        FileSystem fs = documents.getFileSystem(conf);
        return fs.exists(documents) ? fs.getContentSummary(documents).getLength() : 0;
    }
}
