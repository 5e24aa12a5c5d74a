// The codes of front matter values and keys (H140-H156): a value of the wrong kind (in site.yml too), a
// missing or empty title, keys in the wrong place (URLs: URLCodes.swift); part of `contentCodes` (ContentCodes.swift).
extension DiagnosticCode {
    static let frontMatterCodes: [DiagnosticCode] = [
        valueNotText, valueNotBoolean, valueNotWholeNumber, numberInQuotes, valueNotList, listEntryNotText,
        emptyListEntry, valueNotAChoice, invalidDate, titleMissing, titleEmpty, valueCutByComment,
        unknownFrontMatterKey, cardKeyOnPage, draftIgnored, slugIgnored, updatedBeforeDate,
    ]

    // A value of the wrong kind.

    public static let valueNotText = DiagnosticCode(
        "H140", "A value is not text",
        example: """
            ---
            title: [Listening, first]
            ---
            """,
        message: """
            content/emotional/listening.md:2:8: error: 'title' must be text, found a list [H140]
            """,
        fix: """
            Write the value as plain text after the colon (title: Listening first). Brackets make a list and \
            indented keys a mapping; text that starts with '[' or '{' goes in double quotes.
            """)

    public static let valueNotBoolean = DiagnosticCode(
        "H141", "A value is not true or false",
        example: """
            ---
            title: Listening first
            draft: yes
            ---
            """,
        message: """
            content/emotional/listening.md:3:8: error: 'draft' must be true or false, found 'yes' [H141]
            """,
        fix: """
            Write true or false (draft: true). Hearth does not read yes, no, on or off as true or false.
            """)

    public static let valueNotWholeNumber = DiagnosticCode(
        "H142", "A value is not a whole number",
        example: """
            ---
            title: Eye Contact
            duration: ten minutes
            difficulty: gentle
            types: [emotional]
            ---
            """,
        message: """
            content/exercises/eye-contact.md:3:11: error: 'duration' must be a whole number, found 'ten minutes' [H142]
            hint: write the minutes as a number, e.g. duration: 15
            """,
        fix: """
            Write the number alone, in digits, without a unit: duration: 10 (minutes are understood), \
            weight: 3, paginate: 50.
            """)

    public static let numberInQuotes = DiagnosticCode(
        "H143", "A number is written in quotes",
        example: """
            ---
            title: Listening first
            weight: "3"
            ---
            """,
        message: """
            content/emotional/listening.md:3:9: error: 'weight' must be a whole number, found the quoted text '3' [H143]
            hint: remove the quotes: weight: 3
            """,
        fix: """
            Remove the quotes around the number: weight: 3. Quotes make text of it.
            """)

    public static let valueNotList = DiagnosticCode(
        "H144", "A value is not a list",
        example: """
            ---
            title: Listening first
            tags: trust
            ---
            """,
        message: """
            content/emotional/listening.md:3:7: error: 'tags' must be a list, found 'trust' [H144]
            hint: write it as a list: tags: [trust]
            """,
        fix: """
            Write the entries in brackets, separated by commas (tags: [trust, listening]), or each on a line of \
            its own under the key, as '  - trust'. A list of one entry needs the brackets too.
            """)

    public static let listEntryNotText = DiagnosticCode(
        "H145", "An entry of a list is not text",
        example: """
            ---
            title: Listening first
            tags: [trust, [listening, care]]
            ---
            """,
        message: """
            content/emotional/listening.md:3:15: error: each entry of 'tags' must be text, found a list [H145]
            """,
        fix: """
            Write each entry as a word or a few words, without brackets of its own: \
            tags: [trust, listening, care].
            """)

    public static let emptyListEntry = DiagnosticCode(
        "H146", "A list has an empty entry",
        example: """
            ---
            title: Listening first
            tags:
              - trust
              -
            ---
            """,
        message: """
            content/emotional/listening.md:5:4: warning: an empty entry of 'tags' is left out [H146]
            hint: remove it from the list
            """,
        fix: """
            Delete the empty entry, or write what was meant to be there. It is left out until then.
            """)

    public static let valueNotAChoice = DiagnosticCode(
        "H147", "A value is not one of those allowed",
        example: """
            ---
            title: Eye Contact
            duration: 5
            difficulty: gentle
            who: couples
            types: [emotional]
            ---
            """,
        message: """
            content/exercises/eye-contact.md:5:6: error: 'who' must be couple, solo or group, found 'couples' [H147]
            hint: did you mean 'couple'?
            """,
        fix: """
            Write one of the words the message lists, as it is spelt there: difficulty is gentle, moderate or \
            deep, and who is couple, solo or group.
            """)

    public static let invalidDate = DiagnosticCode(
        "H148", "A date is not a real YYYY-MM-DD date",
        example: """
            ---
            title: Listening first
            date: 14/03/2025
            ---
            """,
        message: """
            content/emotional/listening.md:3:7: error: 'date' must be a real date (YYYY-MM-DD), found '14/03/2025' [H148]
            hint: e.g. date: 2025-03-14
            """,
        fix: """
            Write the date as year, month and day with dashes (date: 2025-03-14), and check that the day exists \
            (no 31 April, no 29 February outside a leap year). A time of day is left out.
            """)

    // The title.

    public static let titleMissing = DiagnosticCode(
        "H149", "A page has no title",
        example: """
            ---
            summary: Turn towards each other, phones away.
            ---
            """,
        message: """
            content/emotional/listening.md:1:1: error: the front matter has no 'title' [H149]
            hint: add e.g. title: Listening first
            """,
        fix: """
            Add a title line to the front matter (title: Listening first). Every page needs one: it is the \
            page's heading, its name in lists and in the browser's tab.
            """)

    public static let titleEmpty = DiagnosticCode(
        "H150", "A page's title is empty",
        example: """
            ---
            title:
            summary: Turn towards each other, phones away.
            ---
            """,
        message: """
            content/emotional/listening.md:2:7: error: 'title' is empty [H150]
            hint: give the page a title
            """,
        fix: """
            Write the title after 'title:'. If it is there and starts with '#' (title: #1 tip), put it in double \
            quotes: YAML reads a '#' after a space as the start of a comment.
            """)

    public static let valueCutByComment = DiagnosticCode(
        "H151", "A '#' cuts the end off a value",
        example: """
            ---
            title: Listening, week #2
            ---
            """,
        message: """
            content/emotional/listening.md:2:24: warning: '#2' is a YAML comment, so it is left out of the title [H151]
            hint: write the title in quotes to keep it: title: "Listening, week #2"
            """,
        fix: """
            Put the whole value in double quotes, as the hint shows. Without them, YAML reads a '#' after a space \
            as the start of a comment, and leaves it out.
            """)

    // Keys.

    public static let unknownFrontMatterKey = DiagnosticCode(
        "H152", "Unknown front matter key",
        example: """
            ---
            title: Listening first
            sumary: Turn towards each other.
            ---
            """,
        message: """
            content/emotional/listening.md:3:1: warning: unknown front matter key 'sumary' [H152]
            hint: did you mean 'summary'?
            """,
        fix: """
            Correct the key's spelling as the hint suggests. A key from another tool (description, lastmod, \
            categories) is named by its Hearth name; docs/content-format.md lists them all.
            """)

    public static let cardKeyOnPage = DiagnosticCode(
        "H153", "A card's key is on a page that is not a card",
        example: """
            ---
            title: Listening first
            duration: 10
            ---
            """,
        message: """
            content/emotional/listening.md:3:11: warning: 'duration' is only used by exercise cards and is ignored here [H153]
            hint: exercise cards live in content/exercises/
            """,
        fix: """
            If the page is an exercise, move it to content/exercises/, where duration, difficulty, who, materials \
            and contentNote count. Otherwise remove the key.
            """)

    public static let draftIgnored = DiagnosticCode(
        "H154", "'draft' on the home page or a section is ignored",
        example: """
            ---
            title: Physical intimacy
            draft: true
            ---
            """,
        message: """
            content/physical/_index.md:3:8: warning: 'draft' is ignored here: the home page and sections are always built [H154]
            hint: remove it; to leave a section out, leave out its folder
            """,
        fix: """
            Remove the line. To keep a section's pages unpublished, mark each page draft: true, or keep the \
            section's folder out of content/ until it is ready.
            """)

    public static let slugIgnored = DiagnosticCode(
        "H155", "'slug' on the home page or a section is ignored",
        example: """
            ---
            title: Physical intimacy
            slug: touch
            ---
            """,
        message: """
            content/physical/_index.md:3:7: warning: 'slug' is ignored here: the home page is at the site's root, a section at its folder's name [H155]
            hint: remove it, or rename the folder (and its entry in site.yml's types)
            """,
        fix: """
            Remove the line. A section's URL is its folder's name: to change it, rename the folder, and its \
            entry under types in site.yml.
            """)

    public static let updatedBeforeDate = DiagnosticCode(
        "H156", "'updated' is before 'date'",
        example: """
            ---
            title: Listening first
            date: 2025-05-01
            updated: 2024-05-02
            ---
            """,
        message: """
            content/emotional/listening.md:4:10: warning: 'updated' (2024-05-02) is before 'date' (2025-05-01) [H156]
            hint: a page is updated after it is published: check the year, or leave out 'updated'
            """,
        fix: """
            Check both dates, often the year: 'date' is when the page was first published, 'updated' when it \
            last changed. Remove 'updated' if the page has not changed since.
            """)
}
