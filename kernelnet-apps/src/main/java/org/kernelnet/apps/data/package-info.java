/**
 * Where data sets live and how missing files are obtained and read: the {@link
 * org.kernelnet.apps.data.DataDirectory data directory}; a {@link
 * org.kernelnet.apps.data.Downloader downloader} that says what it fetches from where to where,
 * fetches published archives through an injectable {@link org.kernelnet.apps.data.Fetcher} (the
 * {@link org.kernelnet.apps.data.UrlFetcher network one} gives up within its timeouts and names
 * the cause), verifies their {@link org.kernelnet.apps.data.Checksum checksums}, extracts one entry
 * safely and moves it into place atomically; and the conventions every reader of a text data file
 * follows ({@link org.kernelnet.apps.data.TextDataFiles}).
 */
package org.kernelnet.apps.data;
