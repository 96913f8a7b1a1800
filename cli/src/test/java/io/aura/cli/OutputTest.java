package io.aura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.cli.Output.Format;
import io.aura.cli.Output.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OutputTest {
    static final JsonNode RESOURCES = json("""
            [{"id": "r-1", "name": "Boardroom", "capacity": 12, "approvers": ["alice", "bob"], "extra": {"a": 1}},
             {"id": "r-22", "name": "Lab, \\"big\\" one", "capacity": 4, "approvers": []}]""");

    static JsonNode json(String text) {
        return ServerApi.JSON.readTree(text);
    }

    static String print(Format format, Printable printable) {
        StringWriter text = new StringWriter();
        Output.print(format, printable, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void a_table_aligns_the_chosen_columns_under_their_names_in_capitals() {
        String table = print(Format.TABLE, Printable.list(RESOURCES, "id", "name", "capacity"));

        assertThat(table.lines()).containsExactly(
                "ID    NAME            CAPACITY",
                "r-1   Boardroom       12",
                "r-22  Lab, \"big\" one  4");
    }

    @Test
    void csv_has_a_header_and_quotes_only_cells_with_commas_quotes_or_line_breaks() {
        String csv = print(Format.CSV, Printable.list(RESOURCES, "id", "name", "approvers"));

        assertThat(csv).isEqualTo("id,name,approvers\r\n"
                + "r-1,Boardroom,\"alice,bob\"\r\n"
                + "r-22,\"Lab, \"\"big\"\" one\",\r\n");
    }

    @Test
    void json_is_the_servers_answer_as_it_came_with_every_field() {
        String out = print(Format.JSON, Printable.list(RESOURCES, "id"));

        assertThat(json(out)).isEqualTo(RESOURCES);
    }

    @Test
    void one_object_in_a_table_is_a_field_per_line_and_dotted_columns_reach_into_nested_objects() {
        JsonNode booking = json("""
                {"bookingId": "b-1", "status": "PENDING_APPROVAL", "approval": {"status": "PENDING"}}""");

        String table = print(Format.TABLE, Printable.one(booking, "bookingId", "status", "approval.status", "title"));

        assertThat(table.lines()).containsExactly(
                "bookingId        b-1",
                "status           PENDING_APPROVAL",
                "approval.status  PENDING",
                "title");
        assertThat(print(Format.CSV, Printable.one(booking, "bookingId", "approval.status")))
                .isEqualTo("bookingId,approval.status\r\nb-1,PENDING\r\n");
    }

    @Test
    void without_columns_every_field_shows_in_the_order_it_first_appears_and_objects_as_json() {
        String csv = print(Format.CSV, Printable.list(RESOURCES));

        assertThat(csv.lines().findFirst()).hasValue("id,name,capacity,approvers,extra");
        assertThat(csv).contains("\"{\"\"a\"\":1}\"");
    }

    @Test
    void a_line_break_in_a_value_never_breaks_a_tables_layout() {
        JsonNode rows = json("""
                [{"title": "two\\nlines"}]""");

        assertThat(print(Format.TABLE, Printable.list(rows, "title")).lines()).containsExactly("TITLE", "two lines");
    }

    @Test
    void an_empty_list_is_just_the_header() {
        assertThat(print(Format.TABLE, Printable.list(json("[]"), "id", "name")).lines()).containsExactly("ID  NAME");
        assertThat(print(Format.CSV, Printable.list(json("[]"), "id", "name"))).isEqualTo("id,name\r\n");
    }
}
