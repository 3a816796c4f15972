/**
 * Where data sets live and how missing files are obtained: the {@link
 * org.kernelnet.apps.data.DataDirectory data directory}, and a {@link
 * org.kernelnet.apps.data.Downloader downloader} that fetches published archives through an
 * injectable {@link org.kernelnet.apps.data.Fetcher}, verifies their {@link
 * org.kernelnet.apps.data.Checksum checksums}, extracts one entry safely and moves it into place
 * atomically.
 */
package org.kernelnet.apps.data;
