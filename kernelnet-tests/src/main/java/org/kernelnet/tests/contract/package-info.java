/**
 * The kernel contract: {@link org.kernelnet.tests.contract.KernelContract} checks any {@link
 * org.kernelnet.api.Kernel} (shapes, values against the closed form, claimed properties, autograd,
 * specification round trip), and {@link org.kernelnet.tests.contract.BuiltinKernelContractTest} runs it
 * over every registered kernel.
 */
package org.kernelnet.tests.contract;
