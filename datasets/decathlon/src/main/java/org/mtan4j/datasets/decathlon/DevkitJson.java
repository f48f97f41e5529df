package org.mtan4j.datasets.decathlon;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the devkit's COCO-style JSON files, every error naming the file and the key. */
final class DevkitJson {

    private DevkitJson() {
    }

    static JsonElement parse(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new IOException(file + ": not JSON (" + e.getMessage() + ")", e);
        }
    }

    static JsonObject readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing devkit annotation file");
        }
        JsonElement json = parse(file);
        if (!json.isJsonObject()) {
            throw new IOException(file + ": not a devkit annotation file (a JSON object)");
        }
        return json.getAsJsonObject();
    }

    static JsonArray array(JsonObject json, String key, Path file) throws IOException {
        if (!json.has(key) || !json.get(key).isJsonArray()) {
            throw new IOException(file + ": no \"" + key + "\" list");
        }
        for (JsonElement e : json.getAsJsonArray(key)) {
            if (!e.isJsonObject()) {
                throw new IOException(file + ": an entry of \"" + key + "\" is not an object");
            }
        }
        return json.getAsJsonArray(key);
    }

    static String string(JsonObject o, String key, Path file) throws IOException {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new IOException(file + ": an entry has no \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    static long number(JsonObject o, String key, Path file) throws IOException {
        if (!o.has(key) || !o.get(key).isJsonPrimitive() || !o.get(key).getAsJsonPrimitive().isNumber()) {
            throw new IOException(file + ": an entry has no integer \"" + key + "\"");
        }
        double d = o.get(key).getAsDouble();
        long v = o.get(key).getAsLong();
        if (d != v) {
            throw new IOException(file + ": \"" + key + "\" " + o.get(key) + " is not an integer");
        }
        return v;
    }
}
