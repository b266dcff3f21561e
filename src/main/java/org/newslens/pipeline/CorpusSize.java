package org.newslens.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.newslens.config.CoreSettings;
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
     * Bytes of the input when the run ingests it, else of the current documents table (which holds the text);
     * 0 when neither can be measured.
     */
    static long bytes(List<Job> jobs, Settings settings, TableStore tables, Configuration conf) {
        boolean ingests = jobs.stream().anyMatch(job -> job.outputs().contains(Table.DOCUMENTS));
        Path path = ingests ? new Path(settings.get(CoreSettings.INPUT)) : tables.location(Table.DOCUMENTS);
        try {
            return path.getFileSystem(conf).getContentSummary(path).getLength();
        } catch (IOException e) {
            LOG.warn("Could not measure the corpus at {}: {}", path, e.toString());
            return 0;
        }
    }
}
