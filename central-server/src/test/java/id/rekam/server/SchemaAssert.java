package id.rekam.server;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.server.schema.JsonSchemas;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks on what the server sends: valid against its schema in docs/schemas, and no text that
 * names program internals (a Java type, a package, an exception, a parser's backquoted type).
 */
final class SchemaAssert {

    /** e.g. {@code java.lang.Long}, {@code id.rekam.core.domain.Demographics}, {@code `int`}, {@code NumberFormatException}. */
    static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|id|net|tools)\\.[a-z_][\\w$]*\\.[\\w$.]+|\\w*Exception\\b|`");

    private SchemaAssert() {
    }

    static void valid(String schema, JsonNode value) {
        assertThat(JsonSchemas.problems(schema, value)).as(schema + ".schema.json for " + value).isEmpty();
    }

    static void plain(String text) {
        assertThat(text).as("names no program internals").doesNotContainPattern(JAVA_NAME);
    }
}
