/**
 * NewsLens, batch analytics for news corpora on Apache Spark. The top floor: {@link org.newslens.Main} (the one
 * entry point), {@link org.newslens.Jobs} (every job by name, in pipeline order) and
 * {@link org.newslens.SettingsRegistry} (every job's settings). Only this package knows every job; the stages
 * below it are, in data-flow order: {@code ingest}, {@code annotate}, {@code terms}, {@code entities},
 * {@code topics}, {@code trends}, {@code report}, run by {@code pipeline} on the ground floor of {@code io},
 * {@code config}, {@code text} and {@code stats}.
 */
package org.newslens;
