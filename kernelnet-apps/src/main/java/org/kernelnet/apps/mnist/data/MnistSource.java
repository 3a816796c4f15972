package org.kernelnet.apps.mnist.data;

import java.io.IOException;
import java.util.List;
import org.kernelnet.apps.report.DataFile;

/**
 * Where the MNIST and embedding applications get their images. Their modules bind {@link
 * DataDirectoryMnist}; a test or an extension binds its own (a slice, generated images) in its
 * place.
 */
public interface MnistSource {
  /**
   * The training images and labels (MNIST's 60,000), from which a validation set is carved.
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  MnistSet train() throws IOException;

  /**
   * The test images and labels (MNIST's 10,000), used only for final numbers.
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  MnistSet test() throws IOException;

  /**
   * The files the images are read from, with their SHA-256, for provenance.
   *
   * @throws IOException if a file cannot be had
   */
  List<DataFile> files() throws IOException;
}
