/**
 * Ground floor: the statistics the stages share: association measures for terms and entities (PMI, NPMI,
 * Dunning's log-likelihood, Jaccard) and the tests behind trends (burst test, Benjamini-Hochberg q-values,
 * keyness G2). Pure Java; reads and writes no table; imports no stage.
 */
package org.newslens.stats;
