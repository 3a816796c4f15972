/**
 * The results tables of the documentation, generated from the result files of runs: {@code
 * kernelnet report} rewrites every block between {@code <!-- results table: FILE... -->} and
 * {@code <!-- end results -->} in a Markdown page with a table made from the named files, so that
 * no number in those tables is typed by hand. One {@link org.kernelnet.apps.docs.ResultsView} per
 * application reads its own file format.
 */
package org.kernelnet.apps.docs;
