package org.newslens.pipeline;

import org.apache.spark.sql.SparkSession;
import org.newslens.config.Settings;
import org.newslens.io.TableStore;

/** What a job gets to work with: the session, the settings, the tables and the run summary. */
public record JobContext(SparkSession spark, Settings settings, TableStore tables, RunSummary summary) {}
