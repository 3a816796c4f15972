package org.kernelnet.apps.torch;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module without parameters, compiled by libtorch from TorchScript source at load
 * time, whose methods take and return tensors.
 *
 * <p>The module is written as the archive {@code torch.jit.save} makes ({@code code/__torch__.py}
 * holding the class {@code Ops}, {@code data.pkl} the pickled object with its one attribute {@code
 * training}, an empty {@code constants.pkl}, and the format {@code version}) and loaded with DJL's
 * {@code JniUtils.loadModule}. Methods run with autograd as the calling thread has it (DJL's
 * training-mode call), not in inference mode, so their results are ordinary tensors. A module may
 * be called from several threads at once.
 */
public final class TorchScriptModule {
  /**
   * The archive's format version, the lowest {@code torch.jit.save} writes. An operator whose
   * meaning changed in a later format (integer {@code div}, for one) would be read with its old
   * meaning through libtorch's upgraders, so sources given here must not use such operators.
   */
  private static final String FORMAT_VERSION = "3";

  private final PtSymbolBlock block;
  private final NDManager manager;

  private TorchScriptModule(PtSymbolBlock block, NDManager manager) {
    this.block = block;
    this.manager = manager;
  }

  /**
   * Compiles {@code methods} as the body of {@code class Ops(Module)}.
   *
   * @param methods TorchScript method definitions, each indented by two spaces, e.g. {@code "  def
   *     twice(self, x: Tensor) -> Tensor:\n    return x + x\n"}
   * @param manager a PyTorch manager that owns the module for as long as it is used
   * @throws IllegalArgumentException if {@code manager} is not PyTorch's
   * @throws ai.djl.engine.EngineException if libtorch rejects the source (its message shows where)
   */
  public static TorchScriptModule compile(String methods, NDManager manager) {
    requireNonNull(methods, "methods is null");
    requireNonNull(manager, "manager is null");
    if (!(manager instanceof PtNDManager pt)) {
      throw new IllegalArgumentException("TorchScript needs the PyTorch engine, got "
          + manager.getEngine().getEngineName());
    }
    String code = "class Ops(Module):\n  __parameters__ = []\n  __buffers__ = []\n"
        + "  training : bool\n" + methods;
    try {
      byte[] archive = archive(code);
      return new TorchScriptModule(
          JniUtils.loadModule(pt, new ByteArrayInputStream(archive), true, false), manager);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the TorchScript archive in memory", e);
    }
  }

  /**
   * The tensor {@code method} returns for {@code inputs}, attached to the first input's manager.
   *
   * @throws ai.djl.engine.EngineException if the call fails (wrong types, shapes or devices)
   */
  public NDArray call(String method, NDArray... inputs) {
    requireNonNull(method, "method is null");
    if (inputs.length == 0) {
      throw new IllegalArgumentException(method + " needs at least one tensor argument");
    }
    NDList list = new NDList(inputs);
    // DJL picks the method from an extra array's name and does not pass that array on
    NDArray selector = manager.create(0);
    selector.setName("module_method:" + method);
    list.add(selector);
    try {
      return IValueUtils.forward(block, list, true).singletonOrThrow();
    } finally {
      selector.close();
    }
  }

  /** The zip archive of a module whose code is {@code code} and whose state is its mode. */
  private static byte[] archive(String code) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      stored(zip, "code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
      stored(zip, "data.pkl", modulePickle());
      stored(zip, "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
      stored(zip, "version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    return bytes.toByteArray();
  }

  /**
   * The pickle (protocol 2) of an {@code Ops} object with {@code training = True}, as libtorch's
   * pickler writes a module: {@code GLOBAL '__torch__ Ops', EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK,
   * 'training', True, SETITEMS, BUILD, STOP}.
   */
  private static byte[] modulePickle() {
    ByteArrayOutputStream pickle = new ByteArrayOutputStream();
    pickle.writeBytes(new byte[] {(byte) 0x80, 2});
    pickle.writeBytes("c__torch__\nOps\n".getBytes(StandardCharsets.US_ASCII));
    pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', '('});
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    pickle.writeBytes(new byte[] {'X', (byte) key.length, 0, 0, 0});
    pickle.writeBytes(key);
    pickle.writeBytes(new byte[] {(byte) 0x88, 'u', 'b', '.'});
    return pickle.toByteArray();
  }

  /** An uncompressed entry of the archive's one top-level folder. */
  private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry("ops/" + name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }
}
