/**
 * Optimisers that DJL lacks, both meant for full-batch training (PAPER.md section 5: the MovieLens
 * autoencoders are trained with L-BFGS and RPROP on the whole rating matrix), DJL's Adam with a
 * state that can be checkpointed, a learning-rate schedule per parameter group, and a moving
 * average of the weights.
 *
 * <ul>
 *   <li>{@link org.kernelnet.djl.optim.Lbfgs}: limited-memory BFGS with a strong-Wolfe line search
 *       ({@link org.kernelnet.djl.optim.StrongWolfeLineSearch}) on any {@link
 *       org.kernelnet.djl.optim.DifferentiableFunction} of a {@code double[n]} vector; {@link
 *       org.kernelnet.djl.optim.ParameterObjective} turns a DJL loss over a block's trainable
 *       parameters into such a function.
 *   <li>{@link org.kernelnet.djl.optim.Rprop}: iRprop- as a DJL {@link
 *       ai.djl.training.optimizer.Optimizer}, used through {@code Trainer.step()}.
 *   <li>{@link org.kernelnet.djl.optim.ParameterGroupTracker}: a base schedule times a factor for
 *       the parameters with given names, e.g. the unit locations of the kernel layers.
 *   <li>{@link org.kernelnet.djl.optim.ParameterAverage}: an exponential moving average of a block's
 *       trainable parameters over the optimiser's steps, to evaluate and keep instead of the last
 *       weights; its state can be taken out and put back.
 *   <li>{@link org.kernelnet.djl.optim.ResumableAdam}: what DJL's Adam computes, with its moments
 *       and update counts taken out and put back by parameter name, for runs that resume.
 * </ul>
 */
package org.kernelnet.djl.optim;
