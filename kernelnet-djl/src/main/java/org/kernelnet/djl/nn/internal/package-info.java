/** Helpers shared by the kernelnet blocks; not part of the public API. */
package org.kernelnet.djl.nn.internal;
