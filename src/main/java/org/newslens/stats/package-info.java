/**
 * Ground floor: association measures shared by terms and entities (PMI, NPMI, Dunning's log-likelihood,
 * Jaccard). Pure Java; reads and writes no table; imports no stage.
 */
package org.newslens.stats;
