/**
 * kernelnet on DJL: the blocks of Mueller et al. (2018) in {@link org.kernelnet.djl.nn} and the
 * parameter / multiply-accumulate accounting of their Table 4 in {@link
 * org.kernelnet.djl.complexity}.
 */
package org.kernelnet.djl;
