/**
 * Tooling, not a pipeline stage: writes the reference pages (tables, settings) under src/site/markdown from
 * the table contract and the settings registry. Reads no table and writes none; nothing in the product
 * depends on it.
 */
package org.newslens.docs;
