package dev.deadbolt.maven;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Strict reading of one JSON object from a report or baseline file: anything that is not what the format
 * says fails with a {@link MalformedFileException} naming the file, the line and the field.
 */
final class JsonFields {
  // Gson's adapter honours the reader's strictness (JsonParser.parseReader would read leniently).
  private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

  private final JsonObject object;
  private final Path file;
  private final int line;

  private JsonFields(JsonObject object, Path file, int line) {
    this.object = object;
    this.file = file;
    this.line = line;
  }

  /** Parses {@code text} (one whole JSON object, nothing after it) strictly. */
  static JsonFields parse(String text, Path file, int line) throws MalformedFileException {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = ELEMENTS.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MalformedFileException(file, line, "text after the JSON object");
      }
      if (!element.isJsonObject()) {
        throw new MalformedFileException(file, line, "expected a JSON object, found " + text.strip());
      }
      return new JsonFields(element.getAsJsonObject(), file, line);
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new MalformedFileException(file, line, "not valid JSON (" + e.getMessage() + ")");
    }
  }

  static JsonFields of(JsonObject object, Path file, int line) {
    return new JsonFields(object, file, line);
  }

  boolean has(String name) {
    return object.has(name) && !object.get(name).isJsonNull();
  }

  String string(String name) throws MalformedFileException {
    String value = optionalString(name);
    if (value == null) {
      throw missing(name, "a string");
    }
    return value;
  }

  @Nullable String optionalString(String name) throws MalformedFileException {
    if (!has(name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!(value instanceof JsonPrimitive p) || !p.isString()) {
      throw wrong(name, "a string", value);
    }
    return p.getAsString();
  }

  /** A true/false field; false when absent. */
  boolean optionalBoolean(String name) throws MalformedFileException {
    if (!has(name)) {
      return false;
    }
    JsonElement value = object.get(name);
    if (!(value instanceof JsonPrimitive p) || !p.isBoolean()) {
      throw wrong(name, "true or false", value);
    }
    return p.getAsBoolean();
  }

  int integer(String name) throws MalformedFileException {
    Integer value = optionalInteger(name);
    if (value == null) {
      throw missing(name, "a whole number");
    }
    return value;
  }

  @Nullable Integer optionalInteger(String name) throws MalformedFileException {
    if (!has(name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!(value instanceof JsonPrimitive p) || !p.isNumber()) {
      throw wrong(name, "a whole number", value);
    }
    try {
      return Integer.parseInt(p.getAsString());
    } catch (NumberFormatException e) {
      throw wrong(name, "a whole number", value);
    }
  }

  @Nullable JsonFields optionalObject(String name) throws MalformedFileException {
    if (!has(name)) {
      return null;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonObject()) {
      throw wrong(name, "an object", value);
    }
    return new JsonFields(value.getAsJsonObject(), file, line);
  }

  /** The objects of the array {@code name}; empty when the field is absent. */
  List<JsonFields> objects(String name) throws MalformedFileException {
    List<JsonFields> objects = new ArrayList<>();
    if (!has(name)) {
      return objects;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonArray()) {
      throw wrong(name, "an array", value);
    }
    for (JsonElement item : value.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw wrong(name, "an array of objects", value);
      }
      objects.add(new JsonFields(item.getAsJsonObject(), file, line));
    }
    return objects;
  }

  /** The strings of the array {@code name}; empty when the field is absent. */
  List<String> strings(String name) throws MalformedFileException {
    List<String> strings = new ArrayList<>();
    if (!has(name)) {
      return strings;
    }
    JsonElement value = object.get(name);
    if (!value.isJsonArray()) {
      throw wrong(name, "an array", value);
    }
    for (JsonElement item : value.getAsJsonArray()) {
      if (!(item instanceof JsonPrimitive p) || !p.isString()) {
        throw wrong(name, "an array of strings", value);
      }
      strings.add(p.getAsString());
    }
    return strings;
  }

  MalformedFileException problem(String message) {
    return new MalformedFileException(file, line, message);
  }

  private MalformedFileException missing(String name, String what) {
    return problem("\"" + name + "\" is missing (it must be " + what + ")");
  }

  private MalformedFileException wrong(String name, String what, JsonElement value) {
    return problem("\"" + name + "\" must be " + what + ", not " + value);
  }
}
