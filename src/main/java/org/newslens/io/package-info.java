/**
 * Ground floor: the table contract and storage. {@link org.newslens.io.Table} declares every output table's
 * name, schema and the stage that writes it; {@link org.newslens.io.TableStore} reads, stages and commits them
 * under the output root (any Hadoop URI);
 * {@link org.newslens.io.GroupedRows} reads a sorted partition one group at a time. Imports no stage.
 */
package org.newslens.io;
