package org.newslens.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.newslens.testing.SharedSpark;

class TopicTrendsTest {
    private final SparkSession spark = SharedSpark.session();

    private List<String> periods(String period, String... dates) {
        List<Row> rows = new java.util.ArrayList<>();
        for (String d : dates) {
            rows.add(RowFactory.create(Date.valueOf(d)));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                        DataTypes.createStructField("published", DataTypes.DateType, true))))
                .select(TopicTrends.period(period)).collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void weeksAreIsoWeeksNamedByTheirThursdaysYear() {
        assertThat(periods("week", "2021-01-01", "2024-03-05", "2019-12-30", "2020-12-31"))
                .containsExactly("2020-W53", "2024-W10", "2020-W01", "2020-W53");
    }

    @Test
    void daysMonthsAndYears() {
        assertThat(periods("day", "2024-03-05")).containsExactly("2024-03-05");
        assertThat(periods("month", "2024-03-05")).containsExactly("2024-03");
        assertThat(periods("year", "2024-03-05")).containsExactly("2024");
    }
}
