package org.kernelnet.apps.kernels;

/** Writes a {@link ComponentListing} to the terminal in one format. */
interface ListingReporter {
  void report(ComponentListing listing);
}
