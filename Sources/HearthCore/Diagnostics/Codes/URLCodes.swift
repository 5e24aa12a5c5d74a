// The codes of the URLs front matter makes (H157-H162): slugs, tags, and the types a page is
// listed under; part of `contentCodes` (ContentCodes.swift).
extension DiagnosticCode {
    static let urlCodes: [DiagnosticCode] = [
        slugNotOneSegment, slugUnsafeCharacter, slugTooLong, tagMakesNoURL, tagTooLong, unknownType,
    ]

    // The URLs made from slugs and tags.

    public static let slugNotOneSegment = DiagnosticCode(
        "H157", "A slug is not one part of a URL",
        example: """
            ---
            title: Listening first
            slug: emotional/listening
            ---
            """,
        message: """
            content/emotional/listening.md:3:7: error: 'slug' must be one URL segment, found 'emotional/listening' [H157]
            hint: e.g. slug: emotional-listening
            """,
        fix: """
            Write the slug as one word or words joined by dashes, with no '/': the section's name comes before \
            it by itself. Or remove the line, and the file's name gives the URL.
            """)

    public static let slugUnsafeCharacter = DiagnosticCode(
        "H158", "A slug holds a character a URL cannot",
        example: """
            ---
            title: What is emotional intimacy?
            slug: what is it?
            ---
            """,
        message: """
            content/emotional/what-is-it.md:3:7: error: 'slug' can hold letters, digits, '-', '_', '.' and '~', found ' ' in 'what is it?' [H158]
            hint: e.g. slug: what-is-it
            """,
        fix: """
            Use letters, digits and dashes only, as the hint suggests (slug: what-is-it). Spaces, '?', '#' and \
            '%' would make a URL that leads to another page, or to none.
            """)

    public static let slugTooLong = DiagnosticCode(
        "H159", "A slug is too long for a folder name",
        example: """
            ---
            title: Listening first
            slug: put-your-phones-in-another-room-sit-facing-each-other-and-take-turns-talking-for-five-minutes-each-about-something-that-matters-to-you-while-the-other-listens-without-interrupting-or-giving-advice-then-say-back-what-you-heard-until-your-partner-feels-heard-and-understood
            ---
            """,
        message: """
            content/emotional/listening.md:3:7: error: 'slug' is 271 bytes long: a folder name holds at most 255 [H159]
            hint: shorten it: a few words name a page best
            """,
        fix: """
            Shorten the slug to a few words (slug: listening-first). The page is published in a folder of that \
            name, and no file system takes a name longer than 255 bytes.
            """)

    public static let tagMakesNoURL = DiagnosticCode(
        "H160", "A tag has no letter or digit to make its URL from",
        example: """
            ---
            title: Listening first
            tags: [trust, ❤️]
            ---
            """,
        message: """
            content/emotional/listening.md:3:15: error: tag '❤️' has no letter or digit to make its URL from [H160]
            hint: each tag gets a page at /tags/<tag>/: use a word, e.g. tags: [self-care]
            """,
        fix: """
            Use a word for the tag (tags: [trust, love]). Each tag gets its own page, whose address is made from \
            the tag's letters and digits.
            """)

    public static let tagTooLong = DiagnosticCode(
        "H161", "A tag is too long for a URL",
        example: """
            ---
            title: Listening first
            tags: [trust, small rituals that help us feel close to each other after a long day at work when the children are finally asleep and the dishes are done and we still have a little energy left for talking and laughing and holding each other before we both fall asleep on the sofa]
            ---
            """,
        message: """
            content/emotional/listening.md:3:15: error: tag 'small rituals that help us feel close to…' makes a URL folder of more than 255 bytes [H161]
            hint: shorten it: a tag is a word or two
            """,
        fix: """
            Shorten the tag to a word or two (tags: [trust, evening rituals]). A longer description belongs in \
            the page's summary.
            """)

    public static let unknownType = DiagnosticCode(
        "H162", "A type names no topic section",
        example: """
            ---
            title: Listening first
            types: [emotional, spritual]
            ---
            """,
        message: """
            content/emotional/listening.md:3:20: error: unknown type 'spritual' [H162]
            hint: did you mean 'spiritual'? the topic sections are: emotional, physical, intellectual, experiential, spiritual
            """,
        fix: """
            Write the name of a topic section as site.yml's types list it. For a new topic, create its folder \
            with an _index.md and add it to types in content/site.yml.
            """)
}
