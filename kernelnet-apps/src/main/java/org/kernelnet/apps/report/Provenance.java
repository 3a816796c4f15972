package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kernelnet.api.KernelnetApi;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.VersionProvider;

/**
 * Where a result came from, recorded in every results file and saved model: the software versions,
 * the command and its full configuration, the seeds, the data files with their checksums and the
 * device.
 *
 * @param kernelnet the kernelnet version
 * @param pluginApi the plugin API version
 * @param djl the DJL version
 * @param engine the engine name and version, e.g. {@code PyTorch 2.7.1}
 * @param java the Java runtime version
 * @param os the operating system and architecture
 * @param device the device trained on, e.g. {@code cpu()}
 * @param command the command, e.g. {@code movielens}
 * @param configuration the application's configuration record (serialised as JSON)
 * @param seeds every seed used, by purpose
 * @param data the data files read
 * @param startedAt when the run started (UTC, ISO-8601, always to the microsecond, so that two runs'
 *     records have the same length)
 * @param components the plugin, jar, version and SHA-256 of every kernel and regulariser used
 *     (see {@link #withComponents}); empty for commands that use none, and in files written before
 *     it was recorded
 */
public record Provenance(
    String kernelnet,
    String pluginApi,
    String djl,
    String engine,
    String java,
    String os,
    String device,
    String command,
    Object configuration,
    Map<String, Long> seeds,
    List<DataFile> data,
    String startedAt,
    List<ComponentOrigin> components) {

  /** ISO-8601 in UTC to the microsecond, fixed width ({@code Instant.toString} drops zero digits). */
  private static final DateTimeFormatter STARTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Validates and copies the record. */
  public Provenance {
    requireNonNull(command, "command is null");
    requireNonNull(configuration, "configuration is null");
    seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    data = List.copyOf(data);
    components = components == null ? List.of() : List.copyOf(components);
  }

  /**
   * This provenance with the origins of the kernels and regularisers named (each distinct spec
   * once, kernels first).
   */
  public Provenance withComponents(KernelnetRegistry registry, Collection<String> kernelSpecs,
      Collection<String> regularizerSpecs) {
    return new Provenance(kernelnet, pluginApi, djl, engine, java, os, device, command,
        configuration, seeds, data, startedAt,
        ComponentOrigin.of(registry, kernelSpecs, regularizerSpecs));
  }

  /**
   * Collects the versions of the running software and the current time.
   *
   * @param device the device, or {@code none} for commands that do not compute
   */
  public static Provenance collect(
      String command, Object configuration, String device, Map<String, Long> seeds, List<DataFile> data) {
    Engine engine = Engine.getInstance();
    return new Provenance(
        VersionProvider.kernelnetVersion(),
        KernelnetApi.VERSION,
        Engine.getDjlVersion(),
        engine.getEngineName() + " " + engine.getVersion(),
        Runtime.version().toString(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        device,
        command,
        configuration,
        seeds,
        data,
        STARTED_AT.format(Instant.now()),
        List.of());
  }
}
