package id.rekam.tools.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows of {@code INSERT INTO t (cols) VALUES (...), (...);} statements out of a
 * MySQL/MariaDB dump, as the cahyadsn/wilayah files are written by hand and by several dump
 * tools over the years: single- or double-quoted strings (doubled quotes and backslash
 * escapes), backtick identifiers, multi-row VALUES, {@code --}, {@code #} and block comments
 * (including {@code /*!40101 ... *}{@code /} version comments), and any other statement
 * skipped whole. A lexer rather than line regexes, so a row spread over lines, several rows
 * on one line or a {@code ;} inside a name cannot fool it.
 */
public final class SqlInsertRows {

    /** One inserted row: the table, its column names (lower case, as declared) and the values. */
    public record Row(String table, List<String> columns, List<String> values) {

        /** Value of the named column; {@code null} for SQL NULL. */
        public String get(String column) {
            int i = columns.indexOf(column.toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + table + columns);
            }
            return values.get(i);
        }
    }

    private final String sql;
    private int pos;

    private SqlInsertRows(String sql) {
        this.sql = sql;
    }

    /** All rows of all INSERT statements, in file order. */
    public static List<Row> parse(String sql) {
        return new SqlInsertRows(sql).statements();
    }

    private List<Row> statements() {
        List<Row> rows = new ArrayList<>();
        Token t;
        while ((t = next()).kind != Kind.END) {
            if (t.isWord("INSERT") || t.isWord("REPLACE")) {
                insert(rows);
            } else if (!t.isPunct(';')) {
                skipStatement();
            }
        }
        return rows;
    }

    private void insert(List<Row> rows) {
        Token t = next();
        while (t.isWord("IGNORE") || t.isWord("LOW_PRIORITY") || t.isWord("DELAYED") || t.isWord("HIGH_PRIORITY")) {
            t = next();
        }
        if (t.isWord("INTO")) {
            t = next();
        }
        if (t.kind != Kind.WORD && t.kind != Kind.QUOTED_NAME) {
            throw error("table name expected after INSERT INTO");
        }
        String table = t.text;
        t = next();
        List<String> columns = new ArrayList<>();
        if (t.isPunct('(')) {
            do {
                Token c = next();
                if (c.kind != Kind.WORD && c.kind != Kind.QUOTED_NAME) {
                    throw error("column name expected");
                }
                columns.add(c.text.toLowerCase(Locale.ROOT));
                t = next();
            } while (t.isPunct(','));
            expectPunct(t, ')');
            t = next();
        }
        if (!t.isWord("VALUES") && !t.isWord("VALUE")) {
            throw error("VALUES expected in INSERT INTO " + table);
        }
        List<String> cols = Collections.unmodifiableList(columns);
        do {
            expectPunct(next(), '(');
            List<String> values = new ArrayList<>();
            do {
                values.add(value());
                t = next();
            } while (t.isPunct(','));
            expectPunct(t, ')');
            if (!cols.isEmpty() && values.size() != cols.size()) {
                throw error(values.size() + " values for " + cols.size() + " columns in " + table);
            }
            rows.add(new Row(table, cols, Collections.unmodifiableList(values)));
            t = next();
        } while (t.isPunct(','));
        if (t.isWord("ON")) {
            skipStatement();
        } else if (!t.isPunct(';') && t.kind != Kind.END) {
            throw error("';' expected after VALUES of " + table);
        }
    }

    private String value() {
        Token t = next();
        boolean negative = false;
        if (t.isPunct('-')) {
            negative = true;
            t = next();
        }
        switch (t.kind) {
            case STRING:
                if (negative) {
                    throw error("'-' before a string");
                }
                return t.text;
            case WORD:
                if (t.isWord("NULL")) {
                    return null;
                }
                if (t.text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    return negative ? "-" + t.text : t.text;
                }
                throw error("unsupported value " + t.text);
            default:
                throw error("value expected");
        }
    }

    private void skipStatement() {
        Token t;
        do {
            t = next();
        } while (t.kind != Kind.END && !t.isPunct(';'));
    }

    private void expectPunct(Token t, char c) {
        if (!t.isPunct(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("SQL line " + line + ": " + message);
    }

    private enum Kind { WORD, QUOTED_NAME, STRING, PUNCT, END }

    private record Token(Kind kind, String text) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.charAt(0) == c;
        }
    }

    private Token next() {
        skipSpaceAndComments();
        if (pos >= sql.length()) {
            return new Token(Kind.END, "");
        }
        char c = sql.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Token(Kind.STRING, quoted(c));
        }
        if (c == '`') {
            return new Token(Kind.QUOTED_NAME, quoted('`'));
        }
        if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@') {
            int start = pos;
            while (pos < sql.length()) {
                char d = sql.charAt(pos);
                if (!(Character.isLetterOrDigit(d) || d == '_' || d == '$' || d == '@' || d == '.')) {
                    break;
                }
                pos++;
            }
            return new Token(Kind.WORD, sql.substring(start, pos));
        }
        pos++;
        return new Token(Kind.PUNCT, String.valueOf(c));
    }

    private String quoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) {
                    sb.append(quote);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else if (c == '\\' && quote != '`' && pos < sql.length()) {
                char e = sql.charAt(pos++);
                switch (e) {
                    case '0' -> sb.append('\0');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'Z' -> sb.append('\u001a');
                    // MySQL keeps the backslash for \% and \_ (they only matter to LIKE)
                    case '%', '_' -> sb.append('\\').append(e);
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("unterminated " + quote + " literal");
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", pos)
                    && (pos + 2 == sql.length() || Character.isWhitespace(sql.charAt(pos + 2))))) {
                int eol = sql.indexOf('\n', pos);
                pos = eol < 0 ? sql.length() : eol + 1;
            } else if (c == '/' && sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }
}
