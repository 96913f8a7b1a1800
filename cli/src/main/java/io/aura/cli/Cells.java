package io.aura.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One JSON value as the text of a table or CSV cell. */
final class Cells {
    private Cells() {}

    /** A value at a dotted path ({@code approval.status}) of an object; missing when any step is. */
    static JsonNode at(JsonNode item, String path) {
        JsonNode node = item;
        for (String step : path.split("\\.")) {
            node = node.path(step);
        }
        return node;
    }

    /** Text as is; numbers and booleans as JSON writes them; a list of plain values joined by commas; else JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isValueNode()) {
            return value.toString();
        }
        if (value.isArray() && value.values().stream().allMatch(JsonNode::isValueNode)) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v)));
            return String.join(",", parts);
        }
        return value.toString();
    }

    static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
