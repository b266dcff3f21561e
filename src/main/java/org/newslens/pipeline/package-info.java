/**
 * The runner: the {@link org.newslens.pipeline.Job} contract, the order of a run, its preconditions (the tables
 * a job needs), the Spark session, the commit of staged tables and the run manifest
 * ({@code output/_manifest.json}). It knows no job by name: {@link org.newslens.Jobs} hands it the jobs.
 */
package org.newslens.pipeline;
