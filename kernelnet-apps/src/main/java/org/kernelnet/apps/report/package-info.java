/**
 * What every application reports and where: the {@link org.kernelnet.apps.report.RunFolder} a run
 * writes into (opened exclusively before any work, every file written atomically through its
 * {@link org.kernelnet.apps.report.ResultsWriter}, a {@link org.kernelnet.apps.report.RunStatus}
 * record written last), {@link org.kernelnet.apps.report.Provenance} (versions, configuration,
 * seeds, data checksums) recorded with every result, and {@link
 * org.kernelnet.apps.report.ProgressLog} for progress lines during long work.
 */
package org.kernelnet.apps.report;
