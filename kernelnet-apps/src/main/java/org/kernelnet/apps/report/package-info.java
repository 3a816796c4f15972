/**
 * What every application reports: {@link org.kernelnet.apps.report.Provenance} (versions,
 * configuration, seeds, data checksums) recorded with every result, {@link
 * org.kernelnet.apps.report.ResultsWriter} for JSON/CSV result files written atomically, and {@link
 * org.kernelnet.apps.report.ProgressLog} for progress lines during long work.
 */
package org.kernelnet.apps.report;
