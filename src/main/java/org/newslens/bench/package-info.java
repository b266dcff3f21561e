/**
 * Benchmark commands (tooling: {@code jobs/benchmark}, {@code jobs/benchmark-topics}): time and measure the
 * pipeline and the topics job on generated or reference corpora. Nothing in the product depends on it; it may
 * import any package.
 */
package org.newslens.bench;
