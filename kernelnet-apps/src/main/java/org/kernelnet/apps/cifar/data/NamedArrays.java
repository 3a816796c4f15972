package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Named arrays read from one file, in file order, e.g. {@code conv1.weight -> [16, 3, 3, 3]}.
 *
 * <p>The arrays live on the {@code NDManager} they were read with; {@link #close()} closes them.
 */
public final class NamedArrays implements AutoCloseable {
  private final Path file;
  private final Map<String, NDArray> arrays;

  NamedArrays(Path file, LinkedHashMap<String, NDArray> arrays) {
    this.file = requireNonNull(file, "file is null");
    this.arrays = Collections.unmodifiableMap(requireNonNull(arrays, "arrays is null"));
  }

  /** The file the arrays were read from. */
  public Path file() {
    return file;
  }

  /** The number of arrays. */
  public int size() {
    return arrays.size();
  }

  /** The names in file order. */
  public List<String> names() {
    return List.copyOf(arrays.keySet());
  }

  /** Whether an array of that name exists. */
  public boolean contains(String name) {
    return arrays.containsKey(name);
  }

  /**
   * The array of that name.
   *
   * @throws IllegalArgumentException if there is none; the message names the file
   */
  public NDArray get(String name) {
    requireNonNull(name, "name is null");
    NDArray array = arrays.get(name);
    if (array == null) {
      throw new IllegalArgumentException("no array '" + name + "' in " + file + " (" + size()
          + " arrays, the first " + names().subList(0, Math.min(5, size())) + ")");
    }
    return array;
  }

  /** The shape of the array of that name. */
  public Shape shape(String name) {
    return get(name).getShape();
  }

  /** Every name with its shape, in file order. */
  public Map<String, Shape> shapes() {
    LinkedHashMap<String, Shape> shapes = new LinkedHashMap<>();
    arrays.forEach((name, array) -> shapes.put(name, array.getShape()));
    return Collections.unmodifiableMap(shapes);
  }

  /** The number of scalars in all arrays, {@code sum of prod(shape)}. */
  public long parameterCount() {
    return parameterCount(name -> true);
  }

  /** The number of scalars in the arrays whose name passes {@code include}. */
  public long parameterCount(Predicate<String> include) {
    requireNonNull(include, "include is null");
    long count = 0;
    for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
      if (include.test(entry.getKey())) {
        count += entry.getValue().getShape().size();
      }
    }
    return count;
  }

  /** Closes every array. */
  @Override
  public void close() {
    arrays.values().forEach(NDArray::close);
  }

  @Override
  public String toString() {
    return "NamedArrays[" + size() + " arrays from " + file + "]";
  }
}
