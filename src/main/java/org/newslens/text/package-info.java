/**
 * Ground floor: text helpers shared by several stages (stop words, the term of a lemma, word lists,
 * character tests). Pure Java; reads and writes no table; imports no stage.
 */
package org.newslens.text;
