package org.newslens.bench;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.newslens.e2e.SampleCorpusRun;
import org.newslens.io.Columns;
import org.newslens.io.Table;
import org.newslens.io.TableStore;
import org.newslens.testing.SharedSpark;

/** The benchmark's quality figures are what the tables of the sample run say. */
class QualityFiguresTest {
    @Test
    void figuresAreTheCountsAndCoherenceOfTheTables() throws Exception {
        TableStore tables = new TableStore(
                SharedSpark.session(), SampleCorpusRun.output().toUri().toString(), "read");

        QualityFigures.Figures figures = QualityFigures.of(tables, Map.of());

        assertThat(figures.mentions())
                .isEqualTo(SampleCorpusRun.table(Table.MENTIONS).count())
                .isPositive();
        assertThat(figures.linkedMentions())
                .isEqualTo(SampleCorpusRun.table(Table.MENTIONS)
                        .filter(col(Columns.ENTITY_ID).isNotNull())
                        .count());
        assertThat(figures.entities())
                .isEqualTo(SampleCorpusRun.table(Table.ENTITIES).count());
        Row mean = SampleCorpusRun.table(Table.TOPIC_METRICS)
                .filter("metric = 'c_npmi' and model <> 'clusters' and topic_id is null")
                .first();
        assertThat(figures.cNpmi()).isEqualTo(mean.<Double>getAs(Columns.VALUE));
        assertThat(figures.clusterNmi()).as("no genres, no NMI").isNaN();
    }

    @Test
    void clustersThatAreTheGenresHaveNmiOne() throws Exception {
        TableStore tables = new TableStore(
                SharedSpark.session(), SampleCorpusRun.output().toUri().toString(), "read");
        Map<String, Character> genre = new HashMap<>();
        SampleCorpusRun.table(Table.CLUSTERS)
                .collectAsList()
                .forEach(r -> genre.put(r.getAs(Columns.DOC_ID), (char) ('a' + r.<Integer>getAs(Columns.CLUSTER_ID))));

        assertThat(QualityFigures.of(tables, genre).clusterNmi()).isCloseTo(1.0, within(1e-12));
    }
}
