package nl.actionledger.tooling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a type named by its package inline in Java code ({@code java.util.Map.of()}, {@code new org.x.Y()}), where an
 * import says it once at the top. A full name stays allowed where the simple name is taken in the file (imported from
 * elsewhere, or a type declared there): Java has no other way to use two types of one name. Comments, strings, text
 * blocks, {@code package} and {@code import} lines are not code and are skipped.
 */
final class InlineQualifiedNames {

    private static final Pattern QUALIFIED_TYPE = Pattern.compile(
            "(?<![\\w.$])((?:java|javax|jakarta|org|com|nl|io|net|sun|jdk)(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern DECLARED_TYPE = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
    private static final Pattern PACKAGE_OR_IMPORT = Pattern.compile("^\\s*(?:package|import)\\s");

    private InlineQualifiedNames() {}

    /** Each inline full name in {@code source}, as "line N: the.full.Name". */
    static List<String> in(String source) {
        String code = withoutCommentsAndLiterals(source);
        Set<String> takenNames = new HashSet<>();
        Set<String> imported = new HashSet<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            imported.add(imports.group(1));
            takenNames.add(simpleName(imports.group(1)));
        }
        Matcher declared = DECLARED_TYPE.matcher(code);
        while (declared.find()) {
            takenNames.add(declared.group(1));
        }
        List<String> found = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            if (PACKAGE_OR_IMPORT.matcher(line).find()) {
                continue;
            }
            Matcher qualified = QUALIFIED_TYPE.matcher(line);
            while (qualified.find()) {
                String fullName = qualified.group(1) + "." + qualified.group(2);
                boolean nameTakenByAnother = takenNames.contains(qualified.group(2)) && !imported.contains(fullName);
                if (!nameTakenByAnother) {
                    found.add("line " + number + ": " + fullName);
                }
            }
        }
        return found;
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    /** The source with comments, strings, text blocks and character literals blanked; line breaks kept. */
    private static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int at = 0;
        while (at < source.length()) {
            int end;
            if (source.startsWith("//", at)) {
                end = indexOrEnd(source, source.indexOf('\n', at));
            } else if (source.startsWith("/*", at)) {
                end = afterOrEnd(source, source.indexOf("*/", at + 2), 2);
            } else if (source.startsWith("\"\"\"", at)) {
                end = afterOrEnd(source, closingQuotes(source, at + 3), 3);
            } else if (source.charAt(at) == '"' || source.charAt(at) == '\'') {
                end = endOfLiteral(source, at);
            } else {
                code.append(source.charAt(at++));
                continue;
            }
            for (int blanked = at; blanked < end; blanked++) {
                code.append(source.charAt(blanked) == '\n' ? '\n' : ' ');
            }
            at = end;
        }
        return code.toString();
    }

    private static int closingQuotes(String source, int from) {
        int at = source.indexOf("\"\"\"", from);
        while (at > 0 && source.charAt(at - 1) == '\\') {
            at = source.indexOf("\"\"\"", at + 1);
        }
        return at;
    }

    private static int endOfLiteral(String source, int opening) {
        char quote = source.charAt(opening);
        int at = opening + 1;
        while (at < source.length() && source.charAt(at) != quote) {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        return Math.min(at + 1, source.length());
    }

    private static int indexOrEnd(String source, int index) {
        return index < 0 ? source.length() : index;
    }

    private static int afterOrEnd(String source, int index, int length) {
        return index < 0 ? source.length() : index + length;
    }
}
