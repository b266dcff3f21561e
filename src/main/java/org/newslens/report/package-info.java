/**
 * Last stage, report: the HTML report with charts and the console summary. Reads the committed Parquet
 * tables of every stage without Spark ({@link org.newslens.io.ParquetTables}); writes
 * {@code output/report/} and no table. No class here uses Spark: the tables are streamed with the Parquet
 * and Hadoop readers.
 */
package org.newslens.report;
