/**
 * PyTorch operators that DJL 0.35.1 does not bind, called through a TorchScript module that
 * libtorch compiles from source held here: no Python, no file, and the operators run on whatever
 * device their inputs are on.
 */
package org.kernelnet.apps.torch;
