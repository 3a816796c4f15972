/**
 * Parameter and multiply-accumulate accounting (Table 4 of Mueller et al. 2018): for every layer the
 * number of free parameters, the parameters an equivalent dense layer would have, and the non-zero
 * effective weights, which are the multiply-accumulates one input example costs when zero weights
 * are skipped.
 */
package org.kernelnet.djl.complexity;
