package io.aura.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a command prints, in the format asked for: the server's JSON as it came ({@code json}), or chosen
 * columns as an aligned table for people ({@code table}) or RFC 4180 CSV for spreadsheets ({@code csv}).
 */
public final class Output {
    public enum Format { TABLE, JSON, CSV }

    /** A list of objects, or one object; {@code columns}: the fields shown in a table or CSV, in order. */
    public record Printable(JsonNode json, List<String> columns, boolean single) {
        /** A list; without columns, every field any item has, in the order they first appear. */
        public static Printable list(JsonNode array, String... columns) {
            return new Printable(array, columns.length > 0 ? List.of(columns) : fieldsOf(array), false);
        }

        public static Printable one(JsonNode object, String... columns) {
            return new Printable(object, columns.length > 0 ? List.of(columns) : fieldsOf(List.of(object)), true);
        }

        List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            if (single) {
                items.add(json);
            } else {
                json.forEach(items::add);
            }
            return items;
        }

        private static List<String> fieldsOf(Iterable<JsonNode> items) {
            Set<String> names = new LinkedHashSet<>();
            items.forEach(item -> names.addAll(item.propertyNames()));
            return List.copyOf(names);
        }
    }

    private Output() {}

    public static void print(Format format, Printable printable, PrintWriter out) {
        switch (format) {
            case JSON -> out.println(ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(printable.json()));
            case CSV -> csv(printable, out);
            case TABLE -> {
                if (printable.single()) {
                    fields(printable, out);
                } else {
                    table(printable, out);
                }
            }
        }
        out.flush();
    }

    private static void csv(Printable printable, PrintWriter out) {
        out.print(String.join(",", printable.columns().stream().map(Output::csvCell).toList()) + "\r\n");
        for (JsonNode item : printable.items()) {
            out.print(String.join(",", printable.columns().stream()
                    .map(c -> csvCell(Cells.text(Cells.at(item, c)))).toList()) + "\r\n");
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String csvCell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Columns as wide as their widest cell, two spaces apart, headed by the field names in capitals. */
    private static void table(Printable printable, PrintWriter out) {
        List<String> columns = printable.columns();
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList());
        for (JsonNode item : printable.items()) {
            rows.add(columns.stream().map(c -> tableCell(Cells.at(item, c))).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** One object: a field per line, its name then its value. */
    private static void fields(Printable printable, PrintWriter out) {
        int width = printable.columns().stream().mapToInt(String::length).max().orElse(0);
        for (String column : printable.columns()) {
            out.println((pad(column, width + 2) + tableCell(Cells.at(printable.json(), column))).stripTrailing());
        }
    }

    /** A cell on one line: line breaks and other control characters would break the table's layout. */
    private static String tableCell(JsonNode value) {
        return Cells.text(value).replaceAll("\\p{Cntrl}", " ");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
