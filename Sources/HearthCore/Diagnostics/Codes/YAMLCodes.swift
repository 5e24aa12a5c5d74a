// The codes of a page's front matter as a whole and of YAML syntax, in front matter and site.yml alike
// (H119-H139); part of `contentCodes` (ContentCodes.swift).
extension DiagnosticCode {
    static let yamlCodes: [DiagnosticCode] = [
        fileEmpty, frontMatterMissing, tomlFrontMatter, frontMatterNotClosed, yamlNotMapping, lineNotKeyValue,
        duplicateKey, tabIndent, lineIndented, lineOutOfStep, colonInValue, valueNeedsQuotes, quoteNotClosed,
        unknownEscape, quoteEndsEarly, listNotClosed, braceNotClosed, valueMissing, undefinedAlias, tooManyAliases,
        yamlSyntaxError,
        yamlUnreadable,
    ]

    // The front matter's fences.

    public static let fileEmpty = DiagnosticCode(
        "H119", "A page's file is empty",
        example: """
            content/emotional/listening.md, with nothing in it
            """,
        message: """
            content/emotional/listening.md:1:1: error: the file is empty [H119]
            hint: start it with front matter:
                  ---
                  title: A title
                  ---
            """,
        fix: """
            Start the page with its front matter (a line '---', a line 'title: ...', another '---'), then its \
            text. If the file was made by mistake, delete it.
            """)

    public static let frontMatterMissing = DiagnosticCode(
        "H120", "A page does not start with front matter",
        example: """
            # Listening first

            Put your phones away and turn towards each other.
            """,
        message: """
            content/emotional/listening.md:1:1: error: the file does not start with front matter [H120]
            hint: put a line '---', then 'title: ...', then another '---' at the top of the file
            """,
        fix: """
            Add front matter at the very top: a line '---', then 'title: Listening first', then another '---'. \
            The title goes there rather than in a '# ' heading; the page's text follows the second '---'.
            """)

    public static let tomlFrontMatter = DiagnosticCode(
        "H121", "The front matter is TOML, between '+++' lines",
        example: """
            +++
            title = "Listening first"
            +++
            """,
        message: """
            content/emotional/listening.md:1:1: error: front matter between '+++' lines (TOML, as Hugo reads it) is not read here [H121]
            hint: write it in YAML: both '+++' lines become '---', and 'title = "…"' becomes 'title: …'
            """,
        fix: """
            Rewrite the front matter in YAML: each '+++' line becomes '---', and each 'key = value' becomes \
            'key: value' (title: Listening first). Text keeps its quotes only where it needs them.
            """)

    public static let frontMatterNotClosed = DiagnosticCode(
        "H122", "Front matter is never closed",
        example: """
            ---
            title: Listening first
            summary: Turn towards each other.

            Put your phones away.
            """,
        message: """
            content/emotional/listening.md:1:1: error: the front matter opened here is never closed [H122]
            hint: add a line with only '---' after the last front matter line
            """,
        fix: """
            Add a line holding only '---' after the last front matter line, before the page's text. A line with \
            anything else on it ('--- ', '----') does not close it.
            """)

    // Lines that are not 'key: value'.

    public static let yamlNotMapping = DiagnosticCode(
        "H123", "The front matter or site.yml is not 'key: value' lines",
        example: """
            ---
            Listening first
            ---
            """,
        message: """
            content/emotional/listening.md:2:1: error: expected 'key: value' lines here [H123]
            hint: front matter and site.yml are YAML mappings, e.g. 'title: My page'
            """,
        fix: """
            Write each setting as a key, a colon and its value, one per line, starting at the first column: \
            'title: Listening first'.
            """)

    public static let lineNotKeyValue = DiagnosticCode(
        "H124", "A line of the front matter has no key",
        example: """
            ---
            title: Listening first
            Turn towards each other, phones away.
            ---
            """,
        message: """
            content/emotional/listening.md:3:1: error: this line is not 'key: value' [H124]
            hint: write a key and ':' before the value (summary: Two sentences.); the page's text goes after the closing '---'
            """,
        fix: """
            Give the line its key ('summary: Turn towards each other, phones away.'), or, if it is the page's \
            text, move it below the closing '---'.
            """)

    public static let duplicateKey = DiagnosticCode(
        "H125", "A key is written twice",
        example: """
            ---
            title: Listening first
            summary: Turn towards each other.
            title: Listen first
            ---
            """,
        message: """
            content/emotional/listening.md:4:1: error: key 'title' is written more than once (first on line 2) [H125]
            hint: keep one of them
            """,
        fix: """
            Keep the line you mean and delete the other. To give several values, write one key with a list: \
            tags: [trust, listening].
            """)

    public static let tabIndent = DiagnosticCode(
        "H126", "A line is indented with a tab",
        example: """
            ---
            title: Listening first
            tags:
            \t- trust
            \t- listening
            ---
            """,
        message: """
            content/emotional/listening.md:4:1: error: this line is indented with a tab [H126]
            hint: indent with spaces: YAML does not allow tabs
            """,
        fix: """
            Replace the tab at the start of the line with two spaces ('  - trust'). Many editors can show tabs, \
            or turn them into spaces for you.
            """)

    public static let lineIndented = DiagnosticCode(
        "H127", "An indented line reads as part of the value above",
        example: """
            ---
            title: Listening first
              summary: Turn towards each other.
            ---
            """,
        message: """
            content/emotional/listening.md:3:3: error: this line is indented, so it reads as more of the value above [H127]
            hint: start 'summary:' at the first column, as the other keys
            """,
        fix: """
            Remove the spaces before the key, so that it starts at the first column like the others. Only the \
            entries of a list ('  - trust') are indented.
            """)

    public static let lineOutOfStep = DiagnosticCode(
        "H128", "A line is indented out of step with the lines above",
        example: """
            ---
            title: Listening first
            tags:
                - trust
              - listening
            ---
            """,
        message: """
            content/emotional/listening.md:5:3: error: this line does not fit the lines above it [H128]
            hint: each line is 'key: value' starting at the first column; list entries under a key are '  - value', indented alike
            """,
        fix: """
            Line the entries of a list up under one another with the same number of spaces ('  - trust', \
            '  - listening'), and start every key at the first column.
            """)

    // Values YAML reads as something else.

    public static let colonInValue = DiagnosticCode(
        "H129", "A value with ': ' in it is not in quotes",
        example: """
            ---
            title: Listening: the first step
            ---
            """,
        message: """
            content/emotional/listening.md:2:17: error: a value with ': ' in it must be in quotes [H129]
            hint: write it as title: "Listening: the first step"
            """,
        fix: """
            Put the whole value in double quotes, as the hint shows: YAML reads a colon and a space as the start \
            of another key.
            """)

    public static let valueNeedsQuotes = DiagnosticCode(
        "H130", "A value starts with a character YAML reserves",
        example: """
            ---
            title: Listening first
            summary: `Really` listening, for once.
            ---
            """,
        message: """
            content/emotional/listening.md:3:10: error: a value cannot start with '`' unless it is in quotes [H130]
            hint: write it as summary: "`Really` listening, for once."
            """,
        fix: """
            Put the whole value in double quotes, as the hint shows. A value may not start with '`' or '@' \
            unquoted.
            """)

    public static let quoteNotClosed = DiagnosticCode(
        "H131", "Quoted text is never closed",
        example: """
            ---
            title: Listening first
            summary: "Turn towards each other.
            ---
            """,
        message: """
            content/emotional/listening.md:3:10: error: the quoted text that starts here is never closed [H131]
            hint: end it with the same quote mark on its line
            """,
        fix: """
            End the text with the same quote mark it starts with, on the same line: \
            summary: "Turn towards each other."
            """)

    public static let unknownEscape = DiagnosticCode(
        "H187", "A backslash in double quotes starts no escape YAML knows",
        example: """
            ---
            title: "Notes from C:\\Users"
            ---
            """,
        message: """
            content/emotional/listening.md:2:22: error: '\\U' is no escape YAML knows: in double quotes, a backslash starts one [H187]
            hint: write it in single quotes, where a backslash is itself: title: 'Notes from C:\\Users'
            """,
        fix: """
            Put the value in single quotes, where a backslash is an ordinary character, or write each backslash \
            twice inside the double quotes ("C:\\\\Users").
            """)

    public static let quoteEndsEarly = DiagnosticCode(
        "H132", "Quoted text ends before the value does",
        example: """
            ---
            title: 'It's only ten minutes'
            ---
            """,
        message: """
            content/emotional/listening.md:2:12: error: the quoted text ends before the value does [H132]
            hint: inside '...' write two single quotes ('') for one, or quote it with " instead
            """,
        fix: """
            The apostrophe closes the quotes early. Quote the value with double quotes instead \
            (title: "It's only ten minutes"), or write the apostrophe twice ('It''s only ten minutes').
            """)

    public static let listNotClosed = DiagnosticCode(
        "H133", "A list's '[' is never closed",
        example: """
            ---
            title: Listening first
            tags: [trust, listening
            ---
            """,
        message: """
            content/emotional/listening.md:3:7: error: the list that starts here with '[' is never closed [H133]
            hint: end it with ']', its entries separated by ',': tags: [trust, touch]
            """,
        fix: """
            Add the closing ']' at the end of the list, on the same line: tags: [trust, listening].
            """)

    public static let braceNotClosed = DiagnosticCode(
        "H134", "A '{' is never closed",
        example: """
            title: Closer
            baseURL: https://example.org/
            exit: {url: https://www.bbc.co.uk/weather, label: Leave this site
            """,
        message: """
            content/site.yml:3:7: error: the '{' here is never closed [H134]
            hint: end it with '}'
            """,
        fix: """
            Add the closing '}' at the end of the line, or write the keys on lines of their own, indented under \
            'exit:', without braces.
            """)

    public static let valueMissing = DiagnosticCode(
        "H135", "A list has a value missing between commas",
        example: """
            ---
            title: Listening first
            tags: [trust, , listening]
            ---
            """,
        message: """
            content/emotional/listening.md:3:15: error: a value is missing here [H135]
            hint: write one, or remove the extra ','
            """,
        fix: """
            Remove the extra comma, or write the value that was meant to go between the two: \
            tags: [trust, listening].
            """)

    public static let undefinedAlias = DiagnosticCode(
        "H136", "A value starts with '*', which YAML reads as an alias",
        example: """
            ---
            title: Listening first
            summary: *Really listen*, then answer.
            ---
            """,
        message: """
            content/emotional/listening.md:3:10: error: '*' starts an alias here, and no '&' anchor has its name [H136]
            hint: to write text that starts with '*', put it in quotes
            """,
        fix: """
            Put the whole value in double quotes: summary: "*Really listen*, then answer." The summary is shown as \
            text, so the stars stay as written.
            """)

    public static let tooManyAliases = DiagnosticCode(
        "H137", "The YAML uses too many aliases",
        example: """
            ---
            title: &t Listening first
            aliases: [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t]
            ---
            """,
        message: """
            content/emotional/listening.md:3:91: error: more than 20 YAML aliases ('*name') [H137]
            hint: front matter is a few plain keys: write the values out instead of '&anchor' and '*alias'
            """,
        fix: """
            Write each value out in full instead of through '&anchor' and '*alias'. Hearth refuses more than 20 \
            aliases because a few lines of them can take minutes to read.
            """)

    public static let yamlSyntaxError = DiagnosticCode(
        "H138", "Another YAML syntax error",
        example: """
            ---
            title: Listening first
            summary: *Really* listen.
            ---
            """,
        message: """
            content/emotional/listening.md:3:17: error: YAML syntax error: did not find expected alphabetic or numeric character [H138]
            hint: YAML was reading scanning an alias that starts at 3:10
            """,
        fix: """
            Look at the place given and where the hint says YAML began reading. Most often the value starts with \
            a character YAML reads as its own (*, &, !, |, >, %): put the whole value in double quotes.
            """)

    public static let yamlUnreadable = DiagnosticCode(
        "H139", "The YAML cannot be read at all",
        example: """
            content/emotional/listening.md, with a vertical tab (U+000B, shown here as ␋) pasted in:
            ---
            title: Listening␋first
            ---
            """,
        message: """
            content/emotional/listening.md:2:1: error: YAML could not be read: control characters are not allowed [H139]
            """,
        fix: """
            Remove what the message names: here an invisible character, which hearth also points to with a \
            warning of its own (H107). Retyping the line by hand removes it.
            """)
}
