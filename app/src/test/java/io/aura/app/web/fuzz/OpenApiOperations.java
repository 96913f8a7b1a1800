package io.aura.app.web.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The operations an OpenAPI description lists, with what each takes: the fuzzer's map of the API. */
final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema) {
        String name() {
            return method + " " + path;
        }
    }

    private final JsonNode components;
    private final List<Operation> operations = new ArrayList<>();

    OpenApiOperations(JsonNode description) {
        this.components = description.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"))));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                for (Map.Entry<String, JsonNode> content : op.path("requestBody").path("content").properties()) {
                    bodyType = content.getKey();
                    bodySchema = resolve(content.getValue().path("schema"));
                    if (bodyType.equals("application/json")) {
                        break; // the JSON form, where an operation takes several
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), bodyType, bodySchema));
            }
        }
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The schema behind a {@code $ref} (one level; the generator resolves nested ones as it goes). */
    JsonNode resolve(JsonNode schema) {
        for (int depth = 0; depth < 10 && schema.has("$ref"); depth++) {
            String ref = schema.path("$ref").asString();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            return resolve(schema.path("allOf").get(0));
        }
        if (schema.has("oneOf") && schema.path("oneOf").size() > 0) {
            return resolve(schema.path("oneOf").get(0));
        }
        return schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : schema;
    }

    /** The schema's type: "string", "integer", "number", "boolean", "array", "object" (3.0 and 3.1 forms). */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }
}
