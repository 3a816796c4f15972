package org.kernelnet.apps.docs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the fields of a result file. A field the table needs and the file lacks is an error that
 * names the field; a JSON {@code null} number reads as NaN, as the writers record a value that was
 * not measured.
 */
final class Json {
  private Json() {}

  /** The member {@code key} of {@code object}, which must exist. */
  static JsonElement member(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "no field '" + key + "' (fields: " + object.keySet() + ")");
    }
    return value;
  }

  static JsonObject object(JsonObject object, String key) {
    return typed(object, key, JsonElement::isJsonObject, "an object").getAsJsonObject();
  }

  static JsonArray array(JsonObject object, String key) {
    return typed(object, key, JsonElement::isJsonArray, "an array").getAsJsonArray();
  }

  static String string(JsonObject object, String key) {
    return typed(object, key, JsonElement::isJsonPrimitive, "a string").getAsString();
  }

  private static JsonElement typed(JsonObject object, String key, Predicate<JsonElement> is,
      String what) {
    JsonElement value = member(object, key);
    if (!is.test(value)) {
      throw new IllegalArgumentException("field '" + key + "' is not " + what + ": " + value);
    }
    return value;
  }

  /**
   * A number; JSON {@code null} is NaN. The writers put non-finite values as the bare words {@code
   * NaN}, {@code Infinity} and {@code -Infinity}, which Gson reads back as strings.
   */
  static double number(JsonObject object, String key) {
    return toNumber(member(object, key), key);
  }

  private static double toNumber(JsonElement value, String key) {
    if (value.isJsonNull()) {
      return Double.NaN;
    }
    if (value.isJsonPrimitive()) {
      JsonPrimitive primitive = value.getAsJsonPrimitive();
      if (primitive.isNumber()) {
        return primitive.getAsDouble();
      }
      switch (primitive.getAsString()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("field '" + key + "' is not a number: " + value);
  }

  /** A number, or NaN if the field is absent (files written before it was recorded). */
  static double optionalNumber(JsonObject object, String key) {
    return object.has(key) ? number(object, key) : Double.NaN;
  }

  /** The elements of an array that must hold objects. */
  static List<JsonObject> objects(JsonObject object, String key) {
    List<JsonObject> objects = new ArrayList<>();
    for (JsonElement element : array(object, key)) {
      if (!element.isJsonObject()) {
        throw new IllegalArgumentException("an element of '" + key + "' is not an object: "
            + element);
      }
      objects.add(element.getAsJsonObject());
    }
    return objects;
  }

  /** The numbers of an array. */
  static double[] numbers(JsonObject object, String key) {
    JsonArray array = array(object, key);
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = toNumber(array.get(i), key);
    }
    return values;
  }
}
