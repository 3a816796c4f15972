package org.kernelnet.apps.kernels;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.KernelnetApi;
import org.kernelnet.api.PluginFolder;
import org.kernelnet.api.PluginSource;
import org.kernelnet.apps.cli.Terminal;

/**
 * Writes the listing as one JSON document:
 *
 * <pre>{@code
 * {"api": "1.0",
 *  "kernels": [{"name", "description", "settings": [{"name", "type", "default", "min", "max",
 *               "minInclusive", "maxInclusive", "choices", "description", "summary"}],
 *               "default", "defaultProblem", "properties": {"symmetric", "positiveSemiDefinite",
 *               "finiteSupport"}, "plugin": {"name", "class", "location"}}],
 *  "regularizers": [... as kernels, without "properties"],
 *  "plugins": [{"name", "class", "location"}],
 *  "pluginFolder": {"path", "origin", "plugins": [{"location", "jars": [...]}], "jars": [every
 *      plugin's jars]} or null}
 * }</pre>
 *
 * Infinite range ends are written as the strings {@code "inf"} and {@code "-inf"}.
 */
final class JsonListingReporter implements ListingReporter {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
  private final Terminal terminal;

  @Inject
  JsonListingReporter(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void report(ComponentListing listing) {
    JsonObject root = new JsonObject();
    root.addProperty("api", KernelnetApi.VERSION);
    root.add("kernels", entries(listing.kernels(), true));
    root.add("regularizers", entries(listing.regularizers(), false));
    JsonArray plugins = new JsonArray();
    listing.plugins().forEach(p -> plugins.add(source(p)));
    root.add("plugins", plugins);
    root.add("pluginFolder", listing.pluginFolder().folder().<JsonElement>map(folder -> {
      JsonObject f = new JsonObject();
      f.addProperty("path", folder.root().toString());
      f.addProperty("origin", listing.pluginFolder().origin().orElseThrow());
      JsonArray jars = new JsonArray();
      JsonArray folderPlugins = new JsonArray();
      for (PluginFolder.Plugin plugin : folder.plugins()) {
        JsonObject p = new JsonObject();
        p.addProperty("location", plugin.location().toString());
        JsonArray own = new JsonArray();
        plugin.jars().stream().map(Path::toString).forEach(own::add);
        plugin.jars().stream().map(Path::toString).forEach(jars::add);
        p.add("jars", own);
        folderPlugins.add(p);
      }
      f.add("plugins", folderPlugins);
      f.add("jars", jars);
      return f;
    }).orElse(JsonNull.INSTANCE));
    terminal.out().println(GSON.toJson(root));
    terminal.out().flush();
  }

  private static JsonArray entries(List<ComponentListing.Entry> entries, boolean kernels) {
    JsonArray array = new JsonArray();
    for (ComponentListing.Entry e : entries) {
      JsonObject o = new JsonObject();
      o.addProperty("name", e.name());
      o.addProperty("description", e.description());
      JsonArray settings = new JsonArray();
      e.settings().forEach(k -> settings.add(setting(k)));
      o.add("settings", settings);
      o.addProperty("default", e.defaultSpec().orElse(null));
      o.addProperty("defaultProblem", e.defaultProblem().orElse(null));
      if (kernels) {
        o.add("properties", e.properties().<JsonElement>map(p -> {
          JsonObject props = new JsonObject();
          props.addProperty("symmetric", p.contains(KernelProperty.SYMMETRIC));
          props.addProperty("positiveSemiDefinite", p.contains(KernelProperty.POSITIVE_SEMI_DEFINITE));
          props.addProperty("finiteSupport", p.contains(KernelProperty.FINITE_SUPPORT));
          return props;
        }).orElse(JsonNull.INSTANCE));
      }
      o.add("plugin", source(e.source()));
      array.add(o);
    }
    return array;
  }

  private static JsonObject setting(ConfigKey key) {
    JsonObject o = new JsonObject();
    o.addProperty("name", key.name());
    o.addProperty("type", key.type().name().toLowerCase(java.util.Locale.ROOT));
    o.add("default", value(key.defaultValue()));
    if (key.range() != null) {
      o.add("min", number(key.range().min()));
      o.add("max", number(key.range().max()));
      o.addProperty("minInclusive", key.range().minInclusive());
      o.addProperty("maxInclusive", key.range().maxInclusive());
    }
    if (!key.choices().isEmpty()) {
      JsonArray choices = new JsonArray();
      key.choices().forEach(choices::add);
      o.add("choices", choices);
    }
    o.addProperty("description", key.description());
    o.addProperty("summary", key.summary());
    return o;
  }

  private static JsonElement value(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    return value instanceof Number n ? new JsonPrimitive(n) : new JsonPrimitive(value.toString());
  }

  private static JsonElement number(double x) {
    if (Double.isInfinite(x)) {
      return new JsonPrimitive(x > 0 ? "inf" : "-inf");
    }
    return new JsonPrimitive(x);
  }

  private static JsonObject source(PluginSource source) {
    JsonObject o = new JsonObject();
    o.addProperty("name", source.pluginName());
    o.addProperty("class", source.pluginClass());
    o.addProperty("location", source.location());
    return o;
  }
}
